-- Cell-key perturbation (docs/decisions/0018). Every person gets a random record key, 0 to 255,
-- fixed when the row is made. The default is the first byte of a version 4 UUID from
-- gen_random_uuid(), which is built in (no extension) and drawn from a cryptographic source; a
-- volatile default gives every existing row its own key as the column is added.
ALTER TABLE "Person" ADD COLUMN "cellKey" INTEGER NOT NULL DEFAULT get_byte(uuid_send(gen_random_uuid()), 0);
ALTER TABLE "Person" ADD CONSTRAINT "Person_cellKey_range" CHECK ("cellKey" BETWEEN 0 AND 255);

-- Beside each count of people (a stage row is one person's), the sum of their record keys.
ALTER TABLE "DashboardStageMonth"
  ADD COLUMN "stagesKeySum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "doneKeySum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "doneWithinTargetKeySum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "doneLateKeySum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "escalatedToLeadKeySum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "escalatedToCoordinatorKeySum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "escalatedToPccKeySum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "escalationsResolvedKeySum" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DashboardPersonMonth" ADD COLUMN "keySum" INTEGER NOT NULL DEFAULT 0;

-- The summaries built before this have no key sums: every month is rebuilt on the next read.
INSERT INTO "DashboardStaleMonth" ("partnershipId", "month")
SELECT DISTINCT "partnershipId", "dashboard_month"("occurredAt") FROM "Rescue"
ON CONFLICT DO NOTHING;
