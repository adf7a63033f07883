-- Duty to Notify (issue 13, docs/decisions/0020): what the Home Office's notification takes about an
-- adult who declined the NRM, and nothing that identifies them. There is no column for a name, date
-- of birth, contact or description, no free text at all (the one text column is a three-letter code, by
-- a CHECK; the rest are enums, dates and ids), no link to Person (a foreign key would let a join reach PersonIdentity), no user who
-- recorded it and no time of day (either could be matched with the person's timeline).
CREATE TABLE "DutyToNotify" (
  "id" UUID NOT NULL,
  "partnershipId" UUID NOT NULL,
  "notifyingAgencyId" UUID NOT NULL,
  "gender" "Gender" NOT NULL,
  "ageAtExploitation" "AgeAtExploitation" NOT NULL,
  -- A code from the nationality list (decision record 0019: ISO 3166 alpha-3, XXA stateless, XXX not known).
  "nationality" VARCHAR(3) NOT NULL,
  "exploitationType" "ExploitationType" NOT NULL,
  "exploitationLocation" "ExploitationLocation" NOT NULL,
  -- The month exploitation began (the first of it), or null when not known.
  "exploitationBeganIn" DATE,
  "sentOn" DATE NOT NULL,
  CONSTRAINT "DutyToNotify_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DutyToNotify_nationality_code" CHECK ("nationality" ~ '^[A-Z]{3}$'),
  CONSTRAINT "DutyToNotify_month" CHECK ("exploitationBeganIn" IS NULL OR EXTRACT(DAY FROM "exploitationBeganIn") = 1),
  CONSTRAINT "DutyToNotify_began_before_sent" CHECK ("exploitationBeganIn" IS NULL OR "exploitationBeganIn" <= "sentOn")
);
CREATE INDEX "DutyToNotify_partnershipId_sentOn_idx" ON "DutyToNotify" ("partnershipId", "sentOn");
ALTER TABLE "DutyToNotify" ADD CONSTRAINT "DutyToNotify_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyToNotify" ADD CONSTRAINT "DutyToNotify_notifyingAgencyId_fkey" FOREIGN KEY ("notifyingAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
