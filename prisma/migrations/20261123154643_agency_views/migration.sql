-- CreateEnum
CREATE TYPE "NoteSensitivity" AS ENUM ('GENERAL', 'HEALTH', 'POLICE');

-- CreateEnum
CREATE TYPE "ExploitationType" AS ENUM ('LABOUR', 'SEXUAL', 'CRIMINAL', 'DOMESTIC_SERVITUDE', 'ORGAN_HARVESTING', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "ReferralState" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EscalationLevel" AS ENUM ('AGENCY_LEAD', 'COORDINATOR', 'PCC_OFFICE');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('STAGE_OVERDUE', 'STAGE_OVERDUE_ESCALATED', 'OVERDUE_SUMMARY', 'REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'STAGE_ASSIGNED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TimelineKind" ADD VALUE 'STAGE_ASSIGNED';
ALTER TYPE "TimelineKind" ADD VALUE 'STAGE_REFERRED';
ALTER TYPE "TimelineKind" ADD VALUE 'REFERRAL_ACCEPTED';
ALTER TYPE "TimelineKind" ADD VALUE 'REFERRAL_DECLINED';
ALTER TYPE "TimelineKind" ADD VALUE 'REFERRAL_WITHDRAWN';
ALTER TYPE "TimelineKind" ADD VALUE 'ACCOMMODATION_RECORDED';

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "escalateToCoordinatorAfterMinutes" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN     "escalateToPccAfterMinutes" INTEGER NOT NULL DEFAULT 1440;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "exploitationType" "ExploitationType";

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "assignedAt" TIMESTAMPTZ(3),
ADD COLUMN     "assigneeId" UUID;

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "sensitivity" "NoteSensitivity" NOT NULL DEFAULT 'GENERAL';

-- CreateTable
CREATE TABLE "AccommodationPlacement" (
    "personId" UUID NOT NULL,
    "providerAgencyId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccommodationPlacement_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "fromAgencyId" UUID NOT NULL,
    "toAgencyId" UUID NOT NULL,
    "referredById" UUID NOT NULL,
    "message" TEXT,
    "state" "ReferralState" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMPTZ(3),
    "answeredById" UUID,
    "answerReason" TEXT,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "level" "EscalationLevel" NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreakGlassAccess" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "reviewNote" TEXT,

    CONSTRAINT "BreakGlassAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Referral_toAgencyId_state_idx" ON "Referral"("toAgencyId", "state");

-- CreateIndex
CREATE INDEX "Referral_stageId_idx" ON "Referral"("stageId");

-- CreateIndex
CREATE INDEX "Escalation_raisedAt_idx" ON "Escalation"("raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_stageId_level_key" ON "Escalation"("stageId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_createdAt_idx" ON "Notification"("recipientId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "BreakGlassAccess_userId_personId_expiresAt_idx" ON "BreakGlassAccess"("userId", "personId", "expiresAt");

-- CreateIndex
CREATE INDEX "BreakGlassAccess_reviewedAt_idx" ON "BreakGlassAccess"("reviewedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_occurredAt_idx" ON "AuditEvent"("agencyId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "Stage_state_dueAt_idx" ON "Stage"("state", "dueAt");

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccommodationPlacement" ADD CONSTRAINT "AccommodationPlacement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccommodationPlacement" ADD CONSTRAINT "AccommodationPlacement_providerAgencyId_fkey" FOREIGN KEY ("providerAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccommodationPlacement" ADD CONSTRAINT "AccommodationPlacement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_fromAgencyId_fkey" FOREIGN KEY ("fromAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_toAgencyId_fkey" FOREIGN KEY ("toAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referredById_fkey" FOREIGN KEY ("referredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassAccess" ADD CONSTRAINT "BreakGlassAccess_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one pending referral per stage.
CREATE UNIQUE INDEX "Referral_one_pending_per_stage" ON "Referral"("stageId") WHERE "state" = 'PENDING';
