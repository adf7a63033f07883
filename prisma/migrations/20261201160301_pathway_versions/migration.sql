-- Issue 11: administrators publish new pathway versions. A stage can be switched off in a version
-- (kept, with its key, so it can be switched on again), and each version says who published it
-- (none for the first, set up with the partnership).
ALTER TABLE "PathwayStageTemplate" ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "PathwayStageTemplate" ADD CONSTRAINT "PathwayStageTemplate_target_positive" CHECK ("targetValue" > 0);
ALTER TABLE "PathwayStageTemplate" ADD CONSTRAINT "PathwayStageTemplate_title_not_blank" CHECK (length(btrim("title")) > 0);

ALTER TABLE "PathwayTemplate" ADD COLUMN "publishedById" UUID;
ALTER TABLE "PathwayTemplate" ADD CONSTRAINT "PathwayTemplate_publishedById_fkey"
  FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "PathwayTemplate_publishedById_idx" ON "PathwayTemplate"("publishedById");
