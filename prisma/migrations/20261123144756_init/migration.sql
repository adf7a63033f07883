-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('POLICE', 'COUNCIL_SAFEGUARDING', 'HEALTH', 'SALVATION_ARMY', 'VCAS', 'PCC_OFFICE', 'PARTNERSHIP', 'CHARITY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CASEWORKER', 'AGENCY_LEAD', 'COORDINATOR', 'PCC_OFFICE', 'ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "AgeGroup" AS ENUM ('ADULT', 'CHILD', 'AGE_DISPUTED');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'NON_BINARY', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "StageState" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_NEEDED', 'DECLINED', 'PAUSED');

-- CreateEnum
CREATE TYPE "TargetUnit" AS ENUM ('HOURS', 'WORKING_DAYS');

-- CreateEnum
CREATE TYPE "TimelineKind" AS ENUM ('RESCUE_LOGGED', 'STAGE_STARTED', 'STAGE_COMPLETED', 'STAGE_NOT_NEEDED', 'STAGE_DECLINED', 'STAGE_PAUSED', 'STAGE_RESUMED', 'NOTE_ADDED');

-- CreateTable
CREATE TABLE "Partnership" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "agencyId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwayTemplate" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "atRiskPercent" INTEGER NOT NULL DEFAULT 75,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PathwayTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PathwayStageTemplate" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerAgencyKind" "AgencyKind" NOT NULL,
    "targetValue" INTEGER NOT NULL,
    "targetUnit" "TargetUnit" NOT NULL,
    "appliesTo" "AgeGroup"[],
    "onlyIfInterpreterNeeded" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "PathwayStageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rescue" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "operationReference" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "loggedById" UUID NOT NULL,
    "loggedByAgencyId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rescue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "rescueId" UUID NOT NULL,
    "caseReference" TEXT NOT NULL,
    "templateId" UUID NOT NULL,
    "ageGroup" "AgeGroup" NOT NULL,
    "gender" "Gender" NOT NULL,
    "nationality" TEXT,
    "languages" TEXT[],
    "interpreterNeeded" BOOLEAN NOT NULL,
    "immediateNeeds" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonIdentity" (
    "personId" UUID NOT NULL,
    "name" TEXT,
    "description" TEXT,
    "dateOfBirth" DATE,
    "contact" TEXT,

    CONSTRAINT "PersonIdentity_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "Stage" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "templateStageId" UUID NOT NULL,
    "ownerAgencyId" UUID NOT NULL,
    "state" "StageState" NOT NULL DEFAULT 'NOT_STARTED',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "pausedAt" TIMESTAMPTZ(3),
    "pausedMs" INTEGER NOT NULL DEFAULT 0,
    "closingReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "stageId" UUID,
    "kind" "TimelineKind" NOT NULL,
    "text" TEXT,
    "actorId" UUID NOT NULL,
    "actorAgencyId" UUID NOT NULL,
    "actorRole" "Role" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "role" "Role",
    "agencyId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "requestId" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'allowed',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_partnershipId_kind_key" ON "Agency"("partnershipId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PathwayTemplate_partnershipId_version_key" ON "PathwayTemplate"("partnershipId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PathwayStageTemplate_templateId_key_key" ON "PathwayStageTemplate"("templateId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Rescue_reference_key" ON "Rescue"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Rescue_idempotencyKey_key" ON "Rescue"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Rescue_partnershipId_occurredAt_idx" ON "Rescue"("partnershipId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Person_caseReference_key" ON "Person"("caseReference");

-- CreateIndex
CREATE INDEX "Person_rescueId_idx" ON "Person"("rescueId");

-- CreateIndex
CREATE INDEX "Stage_ownerAgencyId_state_idx" ON "Stage"("ownerAgencyId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_personId_templateStageId_key" ON "Stage"("personId", "templateStageId");

-- CreateIndex
CREATE INDEX "TimelineEvent_personId_occurredAt_idx" ON "TimelineEvent"("personId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityId_occurredAt_idx" ON "AuditEvent"("entityId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_occurredAt_idx" ON "AuditEvent"("userId", "occurredAt");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayTemplate" ADD CONSTRAINT "PathwayTemplate_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PathwayStageTemplate" ADD CONSTRAINT "PathwayStageTemplate_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PathwayTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rescue" ADD CONSTRAINT "Rescue_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rescue" ADD CONSTRAINT "Rescue_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rescue" ADD CONSTRAINT "Rescue_loggedByAgencyId_fkey" FOREIGN KEY ("loggedByAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_rescueId_fkey" FOREIGN KEY ("rescueId") REFERENCES "Rescue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PathwayTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonIdentity" ADD CONSTRAINT "PersonIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_templateStageId_fkey" FOREIGN KEY ("templateStageId") REFERENCES "PathwayStageTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_ownerAgencyId_fkey" FOREIGN KEY ("ownerAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Audit rows are append-only: the database itself refuses to change or remove them.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
