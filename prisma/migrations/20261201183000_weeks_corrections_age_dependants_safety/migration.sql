-- Issue 14 (part A): corrections with a version check, age reassessment, dependants, safety flags.
-- New tables get vcp_app's grants from the default privileges set in 20261201120000_database_roles.

-- Every correction of a person's details (and every change of their safety flags) bumps it: a form
-- sent with an older one is refused, so two people cannot overwrite each other.
ALTER TABLE "Person" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

-- A child who came with a parent: "child of" that person, from the same rescue.
ALTER TABLE "Person" ADD COLUMN "parentPersonId" UUID;
ALTER TABLE "Person" ADD CONSTRAINT "Person_parentPersonId_fkey"
  FOREIGN KEY ("parentPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Person" ADD CONSTRAINT "Person_parent_not_self" CHECK ("parentPersonId" IS NULL OR "parentPersonId" <> "id");
CREATE INDEX "Person_parentPersonId_idx" ON "Person"("parentPersonId");

-- A stage added by an age assessment counts its target from then: Stage."clockStartedAt" (issue 14
-- part B's column for restarted stages) holds it.

ALTER TYPE "TimelineKind" ADD VALUE 'DETAILS_CORRECTED';
ALTER TYPE "TimelineKind" ADD VALUE 'AGE_ASSESSED';
ALTER TYPE "TimelineKind" ADD VALUE 'DEPENDANT_LINKED';
ALTER TYPE "TimelineKind" ADD VALUE 'SAFETY_FLAGS_CHANGED';

-- An age assessment (for example a council social worker's Merton-compliant assessment): its outcome
-- is adult or child, never "disputed" again.
CREATE TABLE "AgeAssessment" (
  "id" UUID NOT NULL,
  "personId" UUID NOT NULL,
  "outcome" "AgeGroup" NOT NULL,
  "assessedOn" DATE NOT NULL,
  "assessedBy" TEXT NOT NULL,
  "mertonCompliant" BOOLEAN NOT NULL,
  "recordedById" UUID NOT NULL,
  "recordedByAgencyId" UUID NOT NULL,
  "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "AgeAssessment_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AgeAssessment_outcome_decided" CHECK ("outcome" IN ('ADULT', 'CHILD')),
  CONSTRAINT "AgeAssessment_assessedBy_not_blank" CHECK (length(btrim("assessedBy")) > 0)
);
ALTER TABLE "AgeAssessment" ADD CONSTRAINT "AgeAssessment_personId_fkey"
  FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AgeAssessment" ADD CONSTRAINT "AgeAssessment_recordedById_fkey"
  FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AgeAssessment" ADD CONSTRAINT "AgeAssessment_recordedByAgencyId_fkey"
  FOREIGN KEY ("recordedByAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "AgeAssessment_personId_recordedAt_idx" ON "AgeAssessment"("personId", "recordedAt");

-- How to reach the person safely, and the risks everyone who sees them must know. Apart from Person so
-- no aggregate (dashboard summaries, CSV, notices) ever reads it.
CREATE TABLE "PersonSafety" (
  "personId" UUID NOT NULL,
  "safeContact" TEXT,
  "neverContact" TEXT,
  "tippingOffRisk" BOOLEAN NOT NULL DEFAULT false,
  "reTraffickingRisk" BOOLEAN NOT NULL DEFAULT false,
  "doNotDiscloseWhereabouts" BOOLEAN NOT NULL DEFAULT false,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedById" UUID NOT NULL,
  CONSTRAINT "PersonSafety_pkey" PRIMARY KEY ("personId")
);
ALTER TABLE "PersonSafety" ADD CONSTRAINT "PersonSafety_personId_fkey"
  FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PersonSafety" ADD CONSTRAINT "PersonSafety_updatedById_fkey"
  FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
