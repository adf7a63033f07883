import type { Db } from "../../src/server/db/create-client";

export type SeedSummary = { rescues: number; people: number; stages: number; breaches: number; livePeople: number };

/** Counts straight from the database, so the summary reports what was stored, not what was planned. */
export async function summarise(db: Db, partnershipId: string, livePeople: number): Promise<SeedSummary> {
  const inPartnership = { rescue: { partnershipId } };
  const rescues = await db.rescue.count({ where: { partnershipId } });
  const people = await db.person.count({ where: inPartnership });
  const stages = await db.stage.count({ where: { person: inPartnership } });
  // Late by the app's rule: paused time moves the due time on.
  const [late] = await db.$queryRaw<{ n: bigint }[]>`
    select count(*) as n
    from "Stage" s
    join "Person" p on p.id = s."personId"
    join "Rescue" r on r.id = p."rescueId"
    where r."partnershipId" = ${partnershipId}::uuid
      and s.state = 'DONE'
      and s."completedAt" > s."dueAt" + s."pausedMs" * interval '1 millisecond'`;
  return { rescues, people, stages, breaches: Number(late?.n ?? 0), livePeople };
}

export function formatSummary(summary: SeedSummary, seconds: number): string {
  return [
    `Demo data seeded in ${seconds.toFixed(1)} s:`,
    `  ${summary.rescues} rescues, ${summary.people} people, ${summary.stages} stages`,
    `  ${summary.breaches} stages done late (breaches)`,
    `  ${summary.livePeople} people in live cases logged in the last day`,
  ].join("\n");
}
