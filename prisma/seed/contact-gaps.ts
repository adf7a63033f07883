// The history's open cases went without contact long ago (the history records no contacts): mark those
// gaps as already raised, as the contact-gap sweep would have done at the time, so a demo server's first
// sweep does not send hundreds of year-old notices. Live cases are left to the sweep.
import type { Db } from "../../src/server/db/create-client";

export async function markHistoricContactGapsRaised(db: Db, partnershipId: string, liveSince: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ContactGapNotice" ("id", "personId", "gapStartedAt", "raisedAt")
    SELECT gen_random_uuid(), p.id, r."occurredAt", r."occurredAt" + pa."contactGapHours" * interval '1 hour'
    FROM "Person" p
    JOIN "Rescue" r ON r.id = p."rescueId"
    JOIN "Partnership" pa ON pa.id = r."partnershipId"
    WHERE r."partnershipId" = ${partnershipId}::uuid AND p."closedAt" IS NULL AND r."occurredAt" < ${liveSince}::timestamptz
    ON CONFLICT DO NOTHING`;
}
