-- Possible earlier rescue: a decision can be undone (docs/decisions/0033). Every decision becomes a
-- PossibleMatchDecision row, kept when it is undone; the match keeps only the decision that stands.

ALTER TYPE "TimelineKind" ADD VALUE 'EARLIER_RESCUE_WITHDRAWN';
ALTER TYPE "NotificationKind" ADD VALUE 'EARLIER_RESCUE_WITHDRAWN';

CREATE TABLE "PossibleMatchDecision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "matchId" UUID NOT NULL,
    "decision" "PossibleMatchState" NOT NULL,
    "note" TEXT NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "undoneById" UUID,
    "undoneAt" TIMESTAMPTZ(3),
    "undoReason" TEXT,

    CONSTRAINT "PossibleMatchDecision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PossibleMatchDecision_a_decision" CHECK ("decision" <> 'OPEN'),
    -- Undone wholly or not at all, and never with a blank reason.
    CONSTRAINT "PossibleMatchDecision_undone" CHECK (
        ("undoneAt" IS NULL) = ("undoneById" IS NULL)
        AND ("undoneAt" IS NULL) = ("undoReason" IS NULL)
        AND ("undoReason" IS NULL OR btrim("undoReason") <> '')
    )
);

CREATE INDEX "PossibleMatchDecision_matchId_decidedAt_idx" ON "PossibleMatchDecision"("matchId", "decidedAt");
-- One decision stands at a time: two coordinators deciding the same pair at once cannot both land.
CREATE UNIQUE INDEX "PossibleMatchDecision_standing_key" ON "PossibleMatchDecision"("matchId") WHERE "undoneAt" IS NULL;

ALTER TABLE "PossibleMatchDecision" ADD CONSTRAINT "PossibleMatchDecision_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "PossibleMatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PossibleMatchDecision" ADD CONSTRAINT "PossibleMatchDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PossibleMatchDecision" ADD CONSTRAINT "PossibleMatchDecision_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Decisions made before this migration become the first rows of their history, note and all.
INSERT INTO "PossibleMatchDecision" ("matchId", "decision", "note", "decidedById", "decidedAt")
SELECT "id", "state", COALESCE("decisionNote", ''), "decidedById", "decidedAt"
FROM "PossibleMatch"
WHERE "state" <> 'OPEN';

ALTER TABLE "PossibleMatch" DROP COLUMN "decisionNote";

-- The decided views list the newest decision first.
CREATE INDEX "PossibleMatch_partnershipId_state_decidedAt_idx" ON "PossibleMatch"("partnershipId", "state", "decidedAt");
