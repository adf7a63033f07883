-- CreateEnum
CREATE TYPE "NrmDecision" AS ENUM ('NRM_REFERRAL', 'DUTY_TO_NOTIFY');

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "suppressionThreshold" INTEGER NOT NULL DEFAULT 4;

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "nrmDecision" "NrmDecision";

-- CreateTable
CREATE TABLE "DashboardStaleMonth" (
    "partnershipId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardStaleMonth_pkey" PRIMARY KEY ("partnershipId","month")
);

-- CreateTable
CREATE TABLE "DashboardStageMonth" (
    "id" BIGSERIAL NOT NULL,
    "partnershipId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "stageKey" TEXT NOT NULL,
    "ownerAgencyId" UUID NOT NULL,
    "ageGroup" "AgeGroup" NOT NULL,
    "gender" "Gender" NOT NULL,
    "exploitationType" "ExploitationType",
    "stages" INTEGER NOT NULL,
    "done" INTEGER NOT NULL,
    "doneWithinTarget" INTEGER NOT NULL,
    "doneLate" INTEGER NOT NULL,
    "doneBands" INTEGER[],
    "escalatedToLead" INTEGER NOT NULL,
    "escalatedToCoordinator" INTEGER NOT NULL,
    "escalatedToPcc" INTEGER NOT NULL,
    "escalationsResolved" INTEGER NOT NULL,
    "resolvedBands" INTEGER[],

    CONSTRAINT "DashboardStageMonth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardPersonMonth" (
    "id" BIGSERIAL NOT NULL,
    "partnershipId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "ageGroup" "AgeGroup" NOT NULL,
    "gender" "Gender" NOT NULL,
    "exploitationType" "ExploitationType",
    "nationality" TEXT,
    "languageRecorded" BOOLEAN NOT NULL,
    "nrmOutcome" TEXT,
    "agencyIds" UUID[],
    "people" INTEGER NOT NULL,
    "rescueIds" UUID[],

    CONSTRAINT "DashboardPersonMonth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DashboardStageMonth_partnershipId_month_idx" ON "DashboardStageMonth"("partnershipId", "month");

-- CreateIndex
CREATE INDEX "DashboardPersonMonth_partnershipId_month_idx" ON "DashboardPersonMonth"("partnershipId", "month");

-- CreateIndex
CREATE INDEX "Person_closedAt_idx" ON "Person"("closedAt");

-- CreateIndex
CREATE INDEX "Stage_ownerAgencyId_personId_idx" ON "Stage"("ownerAgencyId", "personId");

-- The London calendar month of a moment, as its first day: the dashboard's grain.
CREATE FUNCTION "dashboard_month"("at" timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT date_trunc('month', "at" AT TIME ZONE 'Europe/London')::date
$$;

-- Statement triggers (one insert per statement, however many rows it touched) mark the months whose
-- figures a change makes stale. Each function reads the statement's rows as "changed_rows".
CREATE FUNCTION "dashboard_mark_stale_by_rescue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashboardStaleMonth" ("partnershipId", "month")
  SELECT DISTINCT r."partnershipId", "dashboard_month"(r."occurredAt") FROM changed_rows r
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION "dashboard_mark_stale_by_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashboardStaleMonth" ("partnershipId", "month")
  SELECT DISTINCT r."partnershipId", "dashboard_month"(r."occurredAt")
  FROM changed_rows p JOIN "Rescue" r ON r."id" = p."rescueId"
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION "dashboard_mark_stale_by_stage"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashboardStaleMonth" ("partnershipId", "month")
  SELECT DISTINCT r."partnershipId", "dashboard_month"(r."occurredAt")
  FROM changed_rows s JOIN "Person" p ON p."id" = s."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION "dashboard_mark_stale_by_escalation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashboardStaleMonth" ("partnershipId", "month")
  SELECT DISTINCT r."partnershipId", "dashboard_month"(r."occurredAt")
  FROM changed_rows e JOIN "Stage" s ON s."id" = e."stageId" JOIN "Person" p ON p."id" = s."personId" JOIN "Rescue" r ON r."id" = p."rescueId"
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- A rescue moved to another time is stale in its old month and its new one.
CREATE TRIGGER "Rescue_dashboard_stale_old" AFTER UPDATE ON "Rescue"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_rescue"();
CREATE TRIGGER "Rescue_dashboard_stale_new" AFTER UPDATE ON "Rescue"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_rescue"();
CREATE TRIGGER "Rescue_dashboard_stale_delete" AFTER DELETE ON "Rescue"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_rescue"();

CREATE TRIGGER "Person_dashboard_stale_insert" AFTER INSERT ON "Person"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_person"();
CREATE TRIGGER "Person_dashboard_stale_update" AFTER UPDATE ON "Person"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_person"();
CREATE TRIGGER "Person_dashboard_stale_delete" AFTER DELETE ON "Person"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_person"();

CREATE TRIGGER "Stage_dashboard_stale_insert" AFTER INSERT ON "Stage"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_stage"();
CREATE TRIGGER "Stage_dashboard_stale_update" AFTER UPDATE ON "Stage"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_stage"();
CREATE TRIGGER "Stage_dashboard_stale_delete" AFTER DELETE ON "Stage"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_stage"();

CREATE TRIGGER "Escalation_dashboard_stale_insert" AFTER INSERT ON "Escalation"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_escalation"();
CREATE TRIGGER "Escalation_dashboard_stale_delete" AFTER DELETE ON "Escalation"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_mark_stale_by_escalation"();

-- Every month that already has a rescue starts stale: the first dashboard read builds it.
INSERT INTO "DashboardStaleMonth" ("partnershipId", "month")
SELECT DISTINCT "partnershipId", "dashboard_month"("occurredAt") FROM "Rescue"
ON CONFLICT DO NOTHING;
