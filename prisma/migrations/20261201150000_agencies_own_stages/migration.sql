-- Issue 11: a partnership may have several agencies of one kind, so a pathway stage is owned by an
-- agency, not by a kind. Agencies can be retired and can keep office hours.

-- Agencies: unique by name within the partnership instead of by kind.
DROP INDEX "Agency_partnershipId_kind_key";
CREATE UNIQUE INDEX "Agency_partnershipId_name_key" ON "Agency"("partnershipId", "name");
CREATE INDEX "Agency_partnershipId_kind_idx" ON "Agency"("partnershipId", "kind");

ALTER TABLE "Agency"
  ADD COLUMN "retiredAt" TIMESTAMPTZ(3),
  ADD COLUMN "officeHoursOnly" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "opensAtMinute" INTEGER NOT NULL DEFAULT 540,
  ADD COLUMN "closesAtMinute" INTEGER NOT NULL DEFAULT 1020;
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_office_hours_bounds"
  CHECK ("opensAtMinute" >= 0 AND "closesAtMinute" <= 1440 AND "opensAtMinute" < "closesAtMinute");
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_name_not_blank" CHECK (length(btrim("name")) > 0);

-- Stage templates: the owning agency, from the kind each one named (one agency per kind until now).
ALTER TABLE "PathwayStageTemplate" ADD COLUMN "ownerAgencyId" UUID;
UPDATE "PathwayStageTemplate" s
   SET "ownerAgencyId" = a."id"
  FROM "PathwayTemplate" t, "Agency" a
 WHERE t."id" = s."templateId" AND a."partnershipId" = t."partnershipId" AND a."kind" = s."ownerAgencyKind";
ALTER TABLE "PathwayStageTemplate" ALTER COLUMN "ownerAgencyId" SET NOT NULL;
ALTER TABLE "PathwayStageTemplate" DROP COLUMN "ownerAgencyKind";
ALTER TABLE "PathwayStageTemplate" ADD CONSTRAINT "PathwayStageTemplate_ownerAgencyId_fkey"
  FOREIGN KEY ("ownerAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PathwayStageTemplate_ownerAgencyId_idx" ON "PathwayStageTemplate"("ownerAgencyId");
