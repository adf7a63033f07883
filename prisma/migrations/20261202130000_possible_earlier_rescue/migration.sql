-- Possible previous rescue (docs/decisions/0027): people logged who match someone already known to the
-- partnership (same normalised name and date of birth, or same normalised name and nationality) are
-- flagged for the partnership coordinator to check.

-- The one normalisation of a name for matching: Unicode compatibility decomposition with the combining
-- marks dropped (so "María" is "maria"), the few Latin letters that do not decompose folded by hand,
-- hyphens and apostrophes read as spaces, runs of white space as one, trimmed, lower case; blank is null.
-- Every function it calls is immutable, so it can compute a stored column.
CREATE FUNCTION vcp_name_key(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN NULLIF(lower(btrim(regexp_replace(
        translate(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g'), 'øØłŁđĐħĦıŀĿ''’‘-‐–', 'oOlLdDhHilL      '),
        '\s+', ' ', 'g'))), '');

-- Kept by the database itself on every insert and update of a name: no writer can forget it. It lives in
-- PersonIdentity beside the name (pseudonymised reads never join this table).
ALTER TABLE "PersonIdentity" ADD COLUMN "nameKey" TEXT GENERATED ALWAYS AS (vcp_name_key("name")) STORED;
CREATE INDEX "PersonIdentity_nameKey_idx" ON "PersonIdentity"("nameKey");

ALTER TYPE "TimelineKind" ADD VALUE 'EARLIER_RESCUE_CONFIRMED';
-- The agencies that logged either rescue are told when the coordinator confirms the same person.
ALTER TYPE "NotificationKind" ADD VALUE 'EARLIER_RESCUE_CONFIRMED';

CREATE TYPE "PossibleMatchReason" AS ENUM ('NAME_AND_DATE_OF_BIRTH', 'NAME_AND_NATIONALITY');
CREATE TYPE "PossibleMatchState" AS ENUM ('OPEN', 'SAME_PERSON', 'NOT_SAME_PERSON');

-- One row per pair: the person just logged (personId) and someone already known (earlierPersonId).
CREATE TABLE "PossibleMatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "partnershipId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "earlierPersonId" UUID NOT NULL,
    "reason" "PossibleMatchReason" NOT NULL,
    "state" "PossibleMatchState" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PossibleMatch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PossibleMatch_two_people" CHECK ("personId" <> "earlierPersonId"),
    CONSTRAINT "PossibleMatch_decided" CHECK (("state" = 'OPEN') = ("decidedAt" IS NULL) AND ("decidedAt" IS NULL) = ("decidedById" IS NULL))
);

CREATE UNIQUE INDEX "PossibleMatch_personId_earlierPersonId_key" ON "PossibleMatch"("personId", "earlierPersonId");
CREATE INDEX "PossibleMatch_earlierPersonId_idx" ON "PossibleMatch"("earlierPersonId");
CREATE INDEX "PossibleMatch_partnershipId_state_createdAt_idx" ON "PossibleMatch"("partnershipId", "state", "createdAt");

ALTER TABLE "PossibleMatch" ADD CONSTRAINT "PossibleMatch_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PossibleMatch" ADD CONSTRAINT "PossibleMatch_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PossibleMatch" ADD CONSTRAINT "PossibleMatch_earlierPersonId_fkey" FOREIGN KEY ("earlierPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PossibleMatch" ADD CONSTRAINT "PossibleMatch_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
