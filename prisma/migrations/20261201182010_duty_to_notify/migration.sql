-- Duty to Notify (issue 13, docs/decisions/0020): what the Home Office's notification takes about an
-- adult who declined the NRM, and nothing that identifies them. There is no column for a name, date
-- of birth, contact or description, no free text at all (every text column is held to a code list by
-- a CHECK), no link to Person (a foreign key would let a join reach PersonIdentity), no user who
-- recorded it and no time of day (either could be matched with the person's timeline).
CREATE TABLE "DutyToNotify" (
  "id" UUID NOT NULL,
  "partnershipId" UUID NOT NULL,
  "notifyingAgencyId" UUID NOT NULL,
  "gender" "Gender" NOT NULL,
  "ageAtExploitation" TEXT NOT NULL,
  "nationality" TEXT NOT NULL,
  "exploitationType" "ExploitationType" NOT NULL,
  "exploitationLocation" TEXT NOT NULL,
  -- The month exploitation began (the first of it), or null when not known.
  "exploitationBeganIn" DATE,
  "sentOn" DATE NOT NULL,
  CONSTRAINT "DutyToNotify_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "DutyToNotify_age_code" CHECK ("ageAtExploitation" IN ('ADULT', 'CHILD', 'NOT_KNOWN')),
  CONSTRAINT "DutyToNotify_nationality_code" CHECK ("nationality" ~ '^[A-Z]{3}$' OR "nationality" IN ('STATELESS', 'NOT_KNOWN')),
  CONSTRAINT "DutyToNotify_location_code" CHECK ("exploitationLocation" IN ('UK', 'OVERSEAS', 'BOTH', 'NOT_KNOWN')),
  CONSTRAINT "DutyToNotify_month" CHECK ("exploitationBeganIn" IS NULL OR EXTRACT(DAY FROM "exploitationBeganIn") = 1),
  CONSTRAINT "DutyToNotify_began_before_sent" CHECK ("exploitationBeganIn" IS NULL OR "exploitationBeganIn" <= "sentOn")
);
CREATE INDEX "DutyToNotify_partnershipId_sentOn_idx" ON "DutyToNotify" ("partnershipId", "sentOn");
ALTER TABLE "DutyToNotify" ADD CONSTRAINT "DutyToNotify_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DutyToNotify" ADD CONSTRAINT "DutyToNotify_notifyingAgencyId_fkey" FOREIGN KEY ("notifyingAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
