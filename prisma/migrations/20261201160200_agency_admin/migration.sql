-- Issue 11: administrators add, rename, set hours of and retire agencies.
-- A version for optimistic concurrency on those edits, and a timeline entry for a stage that moved to
-- another agency when its owner was retired.
ALTER TABLE "Agency" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

ALTER TYPE "TimelineKind" ADD VALUE 'STAGE_MOVED';
