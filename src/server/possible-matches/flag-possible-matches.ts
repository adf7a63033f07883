import "server-only";
import { MAX_MATCHES_PER_PERSON, NATIONALITY_CODES_NOT_MATCHED } from "@/domain/possible-match/possible-match";
import type { Db } from "../db/create-client";

type Tx = Pick<Db, "$executeRaw">;

/**
 * Flags, for the partnership coordinator, each of these people who matches someone already known to
 * the same partnership from another rescue: the same normalised name (PersonIdentity.nameKey, which
 * the database computes with vcp_name_key) and either the same date of birth or the same nationality
 * ("not known" never matches). One indexed lookup per person; at most MAX_MATCHES_PER_PERSON earlier
 * people each, most recently rescued first. Runs in the caller's transaction (the rescue's own), so
 * a rescue is never saved without its check. Returns nothing the caller could pass on: whoever logged
 * the rescue learns nothing from it (docs/decisions/0027).
 */
export async function flagPossibleMatches(tx: Tx, personIds: readonly string[], now: Date): Promise<void> {
  if (personIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PossibleMatch" ("partnershipId", "personId", "earlierPersonId", "reason", "createdAt")
    SELECT r."partnershipId", p."id", m."earlierPersonId", m."reason"::"PossibleMatchReason", ${now}
    FROM "Person" p
    JOIN "PersonIdentity" ni ON ni."personId" = p."id"
    JOIN "Rescue" r ON r."id" = p."rescueId"
    CROSS JOIN LATERAL (
      SELECT e."id" AS "earlierPersonId",
             CASE WHEN ni."dateOfBirth" IS NOT NULL AND ei."dateOfBirth" = ni."dateOfBirth"
                  THEN 'NAME_AND_DATE_OF_BIRTH' ELSE 'NAME_AND_NATIONALITY' END AS "reason"
      FROM "PersonIdentity" ei
      JOIN "Person" e ON e."id" = ei."personId"
      JOIN "Rescue" er ON er."id" = e."rescueId"
      WHERE ei."nameKey" = ni."nameKey"
        AND e."id" <> p."id"
        AND er."partnershipId" = r."partnershipId"
        AND er."id" <> r."id"
        AND (
          (ni."dateOfBirth" IS NOT NULL AND ei."dateOfBirth" = ni."dateOfBirth")
          OR (p."nationalityCode" IS NOT NULL
              AND p."nationalityCode" <> ALL (${[...NATIONALITY_CODES_NOT_MATCHED]}::text[])
              AND e."nationalityCode" = p."nationalityCode")
        )
        -- A pair already flagged the other way round (a correction checked the earlier one) is not flagged again.
        AND NOT EXISTS (SELECT 1 FROM "PossibleMatch" pm WHERE pm."personId" = e."id" AND pm."earlierPersonId" = p."id")
      ORDER BY er."occurredAt" DESC, e."id"
      LIMIT ${MAX_MATCHES_PER_PERSON}
    ) m
    WHERE p."id" = ANY(${[...personIds]}::uuid[]) AND ni."nameKey" IS NOT NULL
    ON CONFLICT ("personId", "earlierPersonId") DO NOTHING`;
}
