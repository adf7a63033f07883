-- Consent per purpose and agency, lawful bases for sharing without consent, and the NRM referral
-- followed to its decisions (issue 13, docs/decisions/0020). Tables get vcp_app's grants from the
-- default privileges set in 20261201120000_database_roles.

CREATE TYPE "ConsentPurpose" AS ENUM ('AGENCY_SHARING', 'NRM_REFERRAL', 'HEALTH', 'ACCOMMODATION', 'POLICE_INVESTIGATION', 'VCAS_SUPPORT');
CREATE TYPE "ConsentMethod" AS ENUM ('IN_PERSON', 'PHONE');
CREATE TYPE "LawfulBasis" AS ENUM ('SAFEGUARDING_CHILD', 'SAFEGUARDING_ADULT', 'CRIME_PREVENTION', 'VITAL_INTERESTS');
CREATE TYPE "NrmOutcome" AS ENUM ('POSITIVE', 'NEGATIVE');
CREATE TYPE "NrmDecisionKind" AS ENUM ('REASONABLE_GROUNDS', 'CONCLUSIVE_GROUNDS');

ALTER TYPE "TimelineKind" ADD VALUE 'CONSENT_RECORDED';
ALTER TYPE "TimelineKind" ADD VALUE 'CONSENT_WITHDRAWN';
ALTER TYPE "TimelineKind" ADD VALUE 'LAWFUL_BASIS_RECORDED';
ALTER TYPE "TimelineKind" ADD VALUE 'NRM_REFERRAL_SUBMITTED';
ALTER TYPE "TimelineKind" ADD VALUE 'NRM_DECISION_RECORDED';
ALTER TYPE "TimelineKind" ADD VALUE 'NRM_RECONSIDERATION_REQUESTED';
ALTER TYPE "TimelineKind" ADD VALUE 'DUTY_TO_NOTIFY_SENT';

-- One row per person, purpose and agency (no agency for the NRM referral itself, which goes to the
-- Home Office). A later decision for the same purpose and agency supersedes the earlier one, which
-- stays as history; the partial unique index keeps one current decision.
CREATE TABLE "Consent" (
  "id" UUID NOT NULL,
  "personId" UUID NOT NULL,
  "purpose" "ConsentPurpose" NOT NULL,
  "agencyId" UUID,
  "given" BOOLEAN NOT NULL,
  "decidedOn" DATE NOT NULL,
  "explainedBy" TEXT NOT NULL,
  "language" TEXT NOT NULL,
  "interpreter" TEXT,
  "interpreterIndependent" BOOLEAN,
  "method" "ConsentMethod" NOT NULL,
  "recordedById" UUID NOT NULL,
  "recordedByAgencyId" UUID NOT NULL,
  "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "withdrawnOn" DATE,
  "withdrawnById" UUID,
  "withdrawnAt" TIMESTAMPTZ(3),
  "supersededAt" TIMESTAMPTZ(3),
  CONSTRAINT "Consent_pkey" PRIMARY KEY ("id"),
  -- Only the NRM referral has no agency; every other purpose names the agency it is for.
  CONSTRAINT "Consent_agency_for_purpose" CHECK (("purpose" = 'NRM_REFERRAL') = ("agencyId" IS NULL)),
  -- An interpreter, when there was one, is named (or booked) and was independent: never someone who came with the person.
  CONSTRAINT "Consent_interpreter_independent" CHECK ("interpreter" IS NULL OR "interpreterIndependent" = TRUE),
  -- Only consent that was given can be withdrawn, and not before it was given.
  CONSTRAINT "Consent_withdrawal" CHECK (
    ("withdrawnOn" IS NULL AND "withdrawnById" IS NULL AND "withdrawnAt" IS NULL)
    OR ("given" AND "withdrawnOn" IS NOT NULL AND "withdrawnById" IS NOT NULL AND "withdrawnAt" IS NOT NULL AND "withdrawnOn" >= "decidedOn")
  )
);
CREATE UNIQUE INDEX "Consent_current_key" ON "Consent" ("personId", "purpose", COALESCE("agencyId", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "supersededAt" IS NULL;
CREATE INDEX "Consent_personId_idx" ON "Consent" ("personId");
CREATE INDEX "Consent_agencyId_purpose_idx" ON "Consent" ("agencyId", "purpose");
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedByAgencyId_fkey" FOREIGN KEY ("recordedByAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Sharing without consent: the lawful basis, who decided and why.
CREATE TABLE "SharingBasis" (
  "id" UUID NOT NULL,
  "personId" UUID NOT NULL,
  "purpose" "ConsentPurpose" NOT NULL,
  "agencyId" UUID,
  "basis" "LawfulBasis" NOT NULL,
  "decidedBy" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "decidedOn" DATE NOT NULL,
  "recordedById" UUID NOT NULL,
  "recordedByAgencyId" UUID NOT NULL,
  "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "SharingBasis_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "SharingBasis_agency_for_purpose" CHECK (("purpose" = 'NRM_REFERRAL') = ("agencyId" IS NULL))
);
CREATE INDEX "SharingBasis_personId_idx" ON "SharingBasis" ("personId");
CREATE INDEX "SharingBasis_agencyId_purpose_idx" ON "SharingBasis" ("agencyId", "purpose");
ALTER TABLE "SharingBasis" ADD CONSTRAINT "SharingBasis_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingBasis" ADD CONSTRAINT "SharingBasis_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingBasis" ADD CONSTRAINT "SharingBasis_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SharingBasis" ADD CONSTRAINT "SharingBasis_recordedByAgencyId_fkey" FOREIGN KEY ("recordedByAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The person's NRM referral and the Home Office's decisions on it, as dated milestones. The agency
-- that submitted it (a First Responder Organisation) owns the milestones.
CREATE TABLE "NrmReferral" (
  "id" UUID NOT NULL,
  "personId" UUID NOT NULL,
  "submittedOn" DATE NOT NULL,
  "homeOfficeReference" TEXT NOT NULL,
  "submittedByAgencyId" UUID NOT NULL,
  "recordedById" UUID NOT NULL,
  "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "reasonableGrounds" "NrmOutcome",
  "reasonableGroundsOn" DATE,
  "conclusiveGrounds" "NrmOutcome",
  "conclusiveGroundsOn" DATE,
  "reconsiderationOf" "NrmDecisionKind",
  "reconsiderationRequestedOn" DATE,
  "version" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "NrmReferral_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "NrmReferral_reference_format" CHECK ("homeOfficeReference" ~ '^NRM-[0-9]{4}-[0-9]{6}$'),
  CONSTRAINT "NrmReferral_rg_pair" CHECK (("reasonableGrounds" IS NULL) = ("reasonableGroundsOn" IS NULL)),
  CONSTRAINT "NrmReferral_rg_after_referral" CHECK ("reasonableGroundsOn" IS NULL OR "reasonableGroundsOn" >= "submittedOn"),
  CONSTRAINT "NrmReferral_cg_pair" CHECK (("conclusiveGrounds" IS NULL) = ("conclusiveGroundsOn" IS NULL)),
  -- A conclusive decision follows a positive reasonable grounds one, at least 30 days later.
  CONSTRAINT "NrmReferral_cg_after_rg" CHECK ("conclusiveGroundsOn" IS NULL OR ("reasonableGrounds" = 'POSITIVE' AND "conclusiveGroundsOn" >= "reasonableGroundsOn" + 30)),
  CONSTRAINT "NrmReferral_reconsideration_pair" CHECK (("reconsiderationOf" IS NULL) = ("reconsiderationRequestedOn" IS NULL)),
  CONSTRAINT "NrmReferral_reconsideration_of_negative" CHECK (
    "reconsiderationOf" IS NULL
    OR ("reconsiderationOf" = 'REASONABLE_GROUNDS' AND "reasonableGrounds" = 'NEGATIVE' AND "reconsiderationRequestedOn" >= "reasonableGroundsOn")
    OR ("reconsiderationOf" = 'CONCLUSIVE_GROUNDS' AND "conclusiveGrounds" = 'NEGATIVE' AND "reconsiderationRequestedOn" >= "conclusiveGroundsOn")
  )
);
CREATE UNIQUE INDEX "NrmReferral_personId_key" ON "NrmReferral" ("personId");
CREATE UNIQUE INDEX "NrmReferral_homeOfficeReference_key" ON "NrmReferral" ("homeOfficeReference");
CREATE INDEX "NrmReferral_submittedByAgencyId_idx" ON "NrmReferral" ("submittedByAgencyId");
ALTER TABLE "NrmReferral" ADD CONSTRAINT "NrmReferral_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NrmReferral" ADD CONSTRAINT "NrmReferral_submittedByAgencyId_fkey" FOREIGN KEY ("submittedByAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NrmReferral" ADD CONSTRAINT "NrmReferral_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
