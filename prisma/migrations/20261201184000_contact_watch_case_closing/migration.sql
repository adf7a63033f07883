-- Contact watch, closing and reopening a case (docs/decisions/0021).

ALTER TYPE "TimelineKind" ADD VALUE 'CONTACT_RECORDED';
ALTER TYPE "TimelineKind" ADD VALUE 'CASE_CLOSED';
ALTER TYPE "TimelineKind" ADD VALUE 'CASE_REOPENED';

ALTER TYPE "NotificationKind" ADD VALUE 'CONTACT_GAP';
ALTER TYPE "NotificationKind" ADD VALUE 'CASE_CLOSED_CONCERN';

CREATE TYPE "ContactMethod" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO', 'MESSAGE', 'OTHER');
CREATE TYPE "ContactOutcome" AS ENUM ('MADE', 'ATTEMPTED');
CREATE TYPE "CaseCloseReason" AS ENUM ('MOVED_AREA', 'DISENGAGED', 'MISSING', 'RETURNED_HOME', 'RE_EXPLOITED', 'SUPPORT_COMPLETE');

-- A live case with no contact made for this many hours raises a notice to the owning agencies' leads.
ALTER TABLE "Partnership" ADD COLUMN "contactGapHours" INTEGER NOT NULL DEFAULT 48;

-- The case's state: closed (with a reason) or live; reopenedAt starts a new contact gap. caseVersion is
-- the optimistic-concurrency version of closing and reopening.
ALTER TABLE "Person" ADD COLUMN "closeReason" "CaseCloseReason";
ALTER TABLE "Person" ADD COLUMN "reopenedAt" TIMESTAMPTZ(3);
ALTER TABLE "Person" ADD COLUMN "caseVersion" INTEGER NOT NULL DEFAULT 0;

-- A stage restarted by a reopening counts its clock from then (clockStartedAt; null = the rescue), and
-- each restart is a new round, so an overdue restarted stage escalates again, once per round.
ALTER TABLE "Stage" ADD COLUMN "clockStartedAt" TIMESTAMPTZ(3);
ALTER TABLE "Stage" ADD COLUMN "clockRound" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Escalation" ADD COLUMN "clockRound" INTEGER NOT NULL DEFAULT 0;
DROP INDEX "Escalation_stageId_level_key";
CREATE UNIQUE INDEX "Escalation_stageId_level_clockRound_key" ON "Escalation"("stageId", "level", "clockRound");

CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "method" "ContactMethod" NOT NULL,
    "outcome" "ContactOutcome" NOT NULL,
    "interpreterUsed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Contact_personId_outcome_occurredAt_idx" ON "Contact"("personId", "outcome", "occurredAt");
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One row per gap in contact: its unique key makes a repeated, concurrent or restarted sweep raise a gap once.
CREATE TABLE "ContactGapNotice" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "gapStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactGapNotice_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ContactGapNotice_personId_gapStartedAt_key" ON "ContactGapNotice"("personId", "gapStartedAt");
ALTER TABLE "ContactGapNotice" ADD CONSTRAINT "ContactGapNotice_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every closing of a case, and its reopening: the history stays when a case is reopened.
CREATE TABLE "CaseClosure" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "reason" "CaseCloseReason" NOT NULL,
    "note" TEXT NOT NULL,
    "closedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedById" UUID NOT NULL,
    -- The open stages this closing ended: the ones a reopening restarts.
    "closedStageIds" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenedById" UUID,
    "reopenReason" TEXT,

    CONSTRAINT "CaseClosure_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CaseClosure_personId_closedAt_idx" ON "CaseClosure"("personId", "closedAt");
-- At most one closing not yet reopened per person.
CREATE UNIQUE INDEX "CaseClosure_one_open_per_person" ON "CaseClosure"("personId") WHERE "reopenedAt" IS NULL;
ALTER TABLE "CaseClosure" ADD CONSTRAINT "CaseClosure_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CaseClosure" ADD CONSTRAINT "CaseClosure_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CaseClosure" ADD CONSTRAINT "CaseClosure_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
