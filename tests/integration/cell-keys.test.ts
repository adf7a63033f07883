import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { parseDashboardFilters } from "../../src/server/dashboard/filters";
import { readLiveCounts } from "../../src/server/dashboard/read-live";
import { readPersonSummary, readStageSummary } from "../../src/server/dashboard/read-summaries";
import { refreshDashboardSummaries } from "../../src/server/dashboard/summary/refresh-summaries";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { listAgencyPeople } from "../../src/server/people/list-agency-people";
import { getRescue } from "../../src/server/rescues/get-rescue";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, minute } from "../support/world";

const db = createPrismaClient();
const T0 = minute("2026-05-12T09:00:00Z");

let police: Actor;
let partnershipId: string;
const logged: { rescueId: string; personId: string }[] = [];

beforeAll(async () => {
  const world = await createWorld(db, "cell-keys");
  police = await world.actor("POLICE");
  partnershipId = police.partnershipId;
  for (let index = 0; index < 6; index += 1) {
    logged.push(await logOnePerson(db, police, { t0: new Date(T0.getTime() + index * MINUTE), now: new Date(T0.getTime() + 10 * MINUTE) }));
  }
});

afterAll(async () => {
  await db.$disconnect();
});

describe("record keys (docs/decisions/0018)", () => {
  it("are given by the database to every person logged, from 0 to 255", async () => {
    const people = await db.person.findMany({ where: { id: { in: logged.map((row) => row.personId) } }, select: { cellKey: true } });
    expect(people).toHaveLength(6);
    for (const { cellKey } of people) {
      expect(Number.isInteger(cellKey)).toBe(true);
      expect(cellKey).toBeGreaterThanOrEqual(0);
      expect(cellKey).toBeLessThanOrEqual(255);
    }
  });

  it("are refused outside 0 to 255", async () => {
    await expect(db.person.update({ where: { id: logged[0]!.personId }, data: { cellKey: 256 } })).rejects.toThrow();
    await expect(db.rescue.update({ where: { id: logged[0]!.rescueId }, data: { cellKey: -1 } })).rejects.toThrow();
  });

  it("are given to every rescue too, and the dashboard reads the rescues' count with their key sum", async () => {
    const rescues = await db.rescue.findMany({ where: { id: { in: logged.map((row) => row.rescueId) } }, select: { cellKey: true } });
    expect(rescues).toHaveLength(6);
    for (const { cellKey } of rescues) expect(cellKey >= 0 && cellKey <= 255 && Number.isInteger(cellKey)).toBe(true);
    // Six rows from a cryptographic source: all six the same would mean one key, not a key per row.
    expect(new Set(rescues.map((row) => row.cellKey)).size).toBeGreaterThan(1);
    await refreshDashboardSummaries(db, partnershipId);
    const parsed = parseDashboardFilters({ kind: "month", month: "2026-05" }, new Date(T0.getTime() + 10 * MINUTE));
    if (!parsed.ok) throw new Error("bad filters");
    const people = await readPersonSummary(db, partnershipId, parsed.data);
    expect({ rescues: people.rescues, keySum: people.rescuesKeySum }).toEqual({ rescues: 6, keySum: rescues.reduce((a, row) => a + row.cellKey, 0) });
  });

  it("are summed beside every count of people in the month summaries", async () => {
    await refreshDashboardSummaries(db, partnershipId);
    const [truth] = await db.$queryRaw<{ people: number; keySum: number; stages: number; stageKeySum: number }[]>`
      SELECT count(DISTINCT p."id")::int AS people, (SELECT sum(q."cellKey") FROM "Person" q JOIN "Rescue" qr ON qr."id" = q."rescueId" WHERE qr."partnershipId" = ${partnershipId}::uuid)::int AS "keySum",
        count(s."id")::int AS stages, sum(p."cellKey")::int AS "stageKeySum"
      FROM "Person" p JOIN "Rescue" r ON r."id" = p."rescueId" JOIN "Stage" s ON s."personId" = p."id"
      WHERE r."partnershipId" = ${partnershipId}::uuid`;
    const [summary] = await db.$queryRaw<{ people: number; keySum: number }[]>`
      SELECT sum("people")::int AS people, sum("keySum")::int AS "keySum" FROM "DashboardPersonMonth" WHERE "partnershipId" = ${partnershipId}::uuid`;
    const [stages] = await db.$queryRaw<{ stages: number; stageKeySum: number }[]>`
      SELECT sum("stages")::int AS stages, sum("stagesKeySum")::int AS "stageKeySum" FROM "DashboardStageMonth" WHERE "partnershipId" = ${partnershipId}::uuid`;
    expect(summary).toEqual({ people: truth!.people, keySum: truth!.keySum });
    expect(stages).toEqual({ stages: truth!.stages, stageKeySum: truth!.stageKeySum });
  });

  it("are read beside the counts by the dashboard's summary and live reads", async () => {
    await refreshDashboardSummaries(db, partnershipId);
    const now = new Date(T0.getTime() + 10 * MINUTE);
    const parsed = parseDashboardFilters({ kind: "month", month: "2026-05" }, now);
    if (!parsed.ok) throw new Error("bad filters");
    const keys = (await db.person.findMany({ where: { id: { in: logged.map((row) => row.personId) } }, select: { cellKey: true } })).map((row) => row.cellKey);
    const keySum = keys.reduce((a, b) => a + b, 0);
    const people = await readPersonSummary(db, partnershipId, parsed.data);
    expect({ total: people.total, totalKeySum: people.totalKeySum }).toEqual({ total: 6, totalKeySum: keySum });
    expect(people.byGender.reduce((a, row) => a + row.keySum, 0)).toBe(keySum);
    const stages = await readStageSummary(db, partnershipId, parsed.data);
    const accommodation = stages.byStage.find((row) => row.stageKey === "accommodation");
    expect({ stages: accommodation?.stages, keySum: accommodation?.stagesKeySum }).toEqual({ stages: 6, keySum });
    const live = await readLiveCounts(db, partnershipId, parsed.data, now);
    expect({ live: live.livePathways, keySum: live.livePathwaysKeySum }).toEqual({ live: 6, keySum });
  });

  it("never reach a person's page, a rescue's page or the agency's list of people", async () => {
    const { rescueId, personId } = logged[0]!;
    const payloads = [
      await getPersonPathway(db, police, personId),
      await getRescue(db, police, rescueId),
      (await listAgencyPeople(db, police, {}, new Date(T0.getTime() + 10 * MINUTE))).rows,
    ];
    for (const payload of payloads) expect(JSON.stringify(payload)).not.toMatch(/cellKey|keySum/i);
  });
});
