// The queue at a busy partnership's size: one agency with more than 200 open stages, paged 50 at a
// time, filtered, sorted, bulk-assigned by a lead, and read in a fixed number of statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { bulkSelectionValue } from "../../src/domain/queue/bulk-selection";
import { DEFAULT_QUEUE_VIEW, QUEUE_PAGE_SIZE } from "../../src/domain/queue/queue-view";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { runWithRequestStats, type RequestStats } from "../../src/lib/request-stats";
import type { Actor } from "../../src/server/access/actor";
import { countedPool, createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { assignSelectedStages } from "../../src/server/queue/assign-selected-stages";
import { getAgencyQueue } from "../../src/server/queue/get-agency-queue";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { claimStage } from "../../src/server/stages/assign-stage";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-05-04T08:00:00Z");
const LOGGED = new Date(T0.getTime() + 10 * MINUTE);
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

let world: World;
let away: World;
let police: Actor;
let council: Actor;
let councilLead: Actor;
let colleague: Actor;
let awayCouncil: Actor;
/** Every open council stage of this world, as the database holds them. */
let councilStages: { id: string; personId: string; key: string; ageGroup: string }[];

beforeAll(async () => {
  world = await createWorld(db, "queue-scale");
  away = await createWorld(db, "queue-scale-away");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  councilLead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  colleague = await world.actor("COUNCIL_SAFEGUARDING");
  awayCouncil = await away.actor("COUNCIL_SAFEGUARDING");
  // 75 people in five rescues: well over four pages of council stages.
  for (const [count, offset] of [[15, 0], [15, 15], [15, 30], [15, 45], [15, 60]] as const) {
    const people = Array.from({ length: count }, (_, i) =>
      personFormInput({ name: `Fictional Person ${String(offset + i + 1).padStart(3, "0")}`, ageGroup: (offset + i) % 5 === 0 ? "CHILD" : "ADULT" }),
    );
    const result = await logRescue(db, police, rescueFormInput({ occurredAt: T0, people }), LOGGED);
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  const stages = await db.stage.findMany({
    where: { ownerAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id, state: { in: ["NOT_STARTED", "IN_PROGRESS", "PAUSED"] } },
    select: { id: true, personId: true, templateStage: { select: { key: true } }, person: { select: { ageGroup: true } } },
  });
  councilStages = stages.map((stage) => ({ id: stage.id, personId: stage.personId, key: stage.templateStage.key, ageGroup: stage.person.ageGroup }));
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("paging", () => {
  it("shows 50 stages a page with the total, every page in turn, and the last page for one past the end", async () => {
    expect(councilStages.length).toBeGreaterThan(200);
    const total = councilStages.length;
    const pageCount = Math.ceil(total / QUEUE_PAGE_SIZE);
    const seen = new Set<string>();
    for (let page = 1; page <= pageCount; page++) {
      const queue = await getAgencyQueue(db, councilLead, { page }, at(1));
      expect(queue).toMatchObject({ total, pageCount, from: (page - 1) * QUEUE_PAGE_SIZE + 1, to: Math.min(page * QUEUE_PAGE_SIZE, total) });
      expect(queue.stages.length).toBe(page < pageCount ? QUEUE_PAGE_SIZE : total - (pageCount - 1) * QUEUE_PAGE_SIZE);
      for (const row of queue.stages) seen.add(row.stageId);
    }
    // Every open stage is on exactly one page.
    expect([...seen].sort()).toEqual(councilStages.map((stage) => stage.id).sort());
    const past = await getAgencyQueue(db, councilLead, { page: pageCount + 7 }, at(1));
    expect(past.view.page).toBe(pageCount);
    expect(past.stages.map((row) => row.stageId)).toEqual((await getAgencyQueue(db, councilLead, { page: pageCount }, at(1))).stages.map((row) => row.stageId));
  });

  it("reads the whole page in 3 statements (4 with the layout's one), on the first page as on the last", async () => {
    const counted = new PrismaClient({ adapter: new PrismaPg(countedPool({ connectionString: process.env.DATABASE_URL!, max: 4 })) });
    try {
      for (const page of [1, 5]) {
        const stats: RequestStats = { statements: 0, sqlMs: 0 };
        await runWithRequestStats(stats, () => getAgencyQueue(counted, councilLead, { page }, at(1)));
        // The two reads (each asks the visibility rule itself), and one statement for both audit rows
        // (the queue, and the lead's team workload).
        expect(stats.statements, `page ${page}`).toBe(3);
      }
    } finally {
      await counted.$disconnect();
    }
  });
});

describe("filters and sorting", () => {
  it("narrows to a stage, an age group and an assignee, with the filter counts inside that", async () => {
    const accommodation = await getAgencyQueue(db, councilLead, { stage: "accommodation" }, at(1));
    expect(accommodation.total).toBe(councilStages.filter((stage) => stage.key === "accommodation").length);
    expect(accommodation.stages.every((row) => row.stageKey === "accommodation")).toBe(true);
    expect(accommodation.counts.all).toBe(accommodation.total);
    expect(accommodation.options.stages.map((stage) => stage.key)).toEqual(expect.arrayContaining(["accommodation", "social-care-contact"]));

    const children = await getAgencyQueue(db, councilLead, { age: "CHILD" }, at(1));
    expect(children.total).toBe(councilStages.filter((stage) => stage.ageGroup === "CHILD").length);
    expect(children.total).toBeGreaterThan(0);
    expect(children.stages.every((row) => row.ageGroup === "CHILD")).toBe(true);

    // At 5 hours the 4-hour accommodation stages are overdue: the filter and its count agree.
    const overdue = await getAgencyQueue(db, councilLead, { filter: "overdue", stage: "accommodation" }, at(5));
    expect(overdue.total).toBe(accommodation.total);
    expect(overdue.counts.overdue).toBe(overdue.total);
    expect(overdue.stages.every((row) => row.clock.kind === "overdue")).toBe(true);

    const claimed = councilStages.find((stage) => stage.key === "social-care-contact")!;
    expect((await claimStage(db, colleague, { stageId: claimed.id }, at(1))).ok).toBe(true);
    const theirs = await getAgencyQueue(db, councilLead, { assignee: colleague.id }, at(1));
    expect(theirs.stages.map((row) => row.stageId)).toEqual([claimed.id]);
    expect(theirs.options.assignees).toContainEqual({ id: colleague.id, name: colleague.name });
    // An assignee who holds nothing on this queue is not a filter: the whole queue shows.
    const nobody = await getAgencyQueue(db, councilLead, { assignee: police.id }, at(1));
    expect(nobody).toMatchObject({ view: { assignee: null }, total: councilStages.length });
  });

  it("sorts by urgency by default, and by due time, stage, person and assignee", async () => {
    const byUrgency = await getAgencyQueue(db, councilLead, {}, at(5));
    expect(byUrgency.stages[0]!.clock.kind).toBe("overdue");
    const dueTimes = (await getAgencyQueue(db, councilLead, { sort: "due", page: 2 }, at(1))).stages.map((row) => ("dueAt" in row.clock ? row.clock.dueAt.getTime() : Infinity));
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
    const names = (await getAgencyQueue(db, councilLead, { sort: "person", order: "desc" }, at(1))).stages.map((row) => row.displayName);
    expect(names[0]).toBe("Fictional Person 075");
    expect(names).toEqual([...names].sort().reverse());
    const stages = (await getAgencyQueue(db, councilLead, { sort: "stage" }, at(1))).stages.map((row) => row.stageOrder);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    const assigned = (await getAgencyQueue(db, councilLead, { sort: "assignee", order: "desc", filter: "all" }, at(1))).stages;
    // Going down, unassigned stages come first; going up they come last.
    expect(assigned[0]!.assigneeId).toBeNull();
    const up = await getAgencyQueue(db, councilLead, { sort: "assignee" }, at(1));
    expect(up.stages[0]!.assigneeId).not.toBeNull();
  });
});

describe("bulk assignment", () => {
  const unassigned = async (count: number, key = "case-conference") => {
    const rows = (await getAgencyQueue(db, councilLead, { ...DEFAULT_QUEUE_VIEW, filter: "unassigned", stage: key }, at(1))).stages.slice(0, count);
    expect(rows).toHaveLength(count);
    return rows;
  };

  it("assigns the ticked stages in one go, each with its timeline entry, audit row and notice", async () => {
    const rows = await unassigned(3);
    const result = await assignSelectedStages(db, councilLead, { stages: rows.map((row) => bulkSelectionValue(row.stageId, null)), assigneeId: colleague.id }, at(1));
    expect(result).toMatchObject({ ok: true, data: { assigneeName: colleague.name, notAssigned: [] } });
    expect(result.ok && result.data.assigned).toHaveLength(3);
    const stages = await db.stage.findMany({ where: { id: { in: rows.map((row) => row.stageId) } } });
    expect(stages.every((stage) => stage.assigneeId === colleague.id)).toBe(true);
    for (const row of rows) {
      expect(await db.auditEvent.count({ where: { action: "stage.assign", entityId: row.stageId, userId: councilLead.id, outcome: "allowed" } })).toBe(1);
      expect(await db.timelineEvent.count({ where: { stageId: row.stageId, kind: "STAGE_ASSIGNED", text: `Assigned to ${colleague.name} by ${councilLead.name}` } })).toBe(1);
      expect(await db.notification.count({ where: { recipientId: colleague.id, href: `/people/${row.personId}/stages/${row.stageId}` } })).toBe(1);
    }
  });

  it("reports a stage someone claimed or finished since the page was drawn, and leaves it as it is", async () => {
    const [first, claimedMeanwhile, finishedMeanwhile] = await unassigned(3);
    expect((await claimStage(db, council, { stageId: claimedMeanwhile!.stageId }, at(1))).ok).toBe(true);
    const stage = await db.stage.findUniqueOrThrow({ where: { id: finishedMeanwhile!.stageId } });
    expect((await changeStage(db, council, { stageId: stage.id, version: String(stage.version), action: "not_needed", text: "Held elsewhere (fictional)" }, at(1))).ok).toBe(true);

    const result = await assignSelectedStages(
      db,
      councilLead,
      { stages: [first!, claimedMeanwhile!, finishedMeanwhile!].map((row) => bulkSelectionValue(row.stageId, null)), assigneeId: colleague.id },
      at(1.1),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data.assigned).toEqual([`${first!.stageTitle} for ${first!.caseReference}`]);
    expect(result.data.notAssigned).toEqual([
      { label: `${claimedMeanwhile!.stageTitle} for ${claimedMeanwhile!.caseReference}`, reason: expect.stringContaining("someone else changed who has it") },
      { label: `${finishedMeanwhile!.stageTitle} for ${finishedMeanwhile!.caseReference}`, reason: "This stage has been marked not needed." },
    ]);
    expect((await db.stage.findUniqueOrThrow({ where: { id: claimedMeanwhile!.stageId } })).assigneeId).toBe(council.id);
    expect((await db.stage.findUniqueOrThrow({ where: { id: finishedMeanwhile!.stageId } })).assigneeId).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "stage.assign", entityId: finishedMeanwhile!.stageId, outcome: "denied" } })).toBe(1);
  });

  it("refuses another agency's stage and another partnership's, whether alone or among the lead's own", async () => {
    const person = await logOnePerson(db, police, { t0: T0, now: LOGGED });
    const policeStage = person.stage("immediate-safety");
    const hidden = await logOnePerson(db, await away.actor("POLICE"), { t0: T0, now: LOGGED });
    const hiddenStage = hidden.stage("accommodation");

    // Alone: refused with the rule's code, or not found; nothing changes, and the try is on the record.
    const alone = await assignSelectedStages(db, councilLead, { stages: [bulkSelectionValue(policeStage.id, null)], assigneeId: colleague.id }, at(1));
    expect(alone).toMatchObject({ ok: false, code: "not-owner" });
    await expect(assignSelectedStages(db, councilLead, { stages: [bulkSelectionValue(hiddenStage.id, null)], assigneeId: colleague.id }, at(1))).rejects.toThrow(
      NotFoundError,
    );
    expect(await db.auditEvent.count({ where: { entityId: hiddenStage.id, userId: councilLead.id, outcome: "denied" } })).toBe(1);

    // Mixed with one of its own: its own is assigned, the others are reported without naming the hidden one.
    const [own] = await unassigned(1, "accommodation");
    const mixed = await assignSelectedStages(
      db,
      councilLead,
      { stages: [own!, { stageId: policeStage.id }, { stageId: hiddenStage.id }].map((row) => bulkSelectionValue(row.stageId, null)), assigneeId: colleague.id },
      at(1),
    );
    if (!mixed.ok) throw new Error(JSON.stringify(mixed));
    expect(mixed.data.assigned).toHaveLength(1);
    expect(mixed.data.notAssigned.map((item) => item.reason)).toEqual([expect.stringMatching(/^Only Police .* owns this stage/), "it was not found, or is no longer yours to assign"]);
    expect(JSON.stringify(mixed.data)).not.toContain(hidden.personId);
    const untouched = await db.stage.findMany({ where: { id: { in: [policeStage.id, hiddenStage.id] } } });
    expect(untouched.every((stage) => stage.assigneeId === null)).toBe(true);
  });

  it("refuses a caseworker, an assignee outside the agency and a form that is not ours", async () => {
    const [row] = await unassigned(1, "accommodation");
    const one = [bulkSelectionValue(row!.stageId, null)];
    await expect(assignSelectedStages(db, council, { stages: one, assigneeId: colleague.id }, at(1))).rejects.toThrow(ForbiddenError);
    expect(await assignSelectedStages(db, councilLead, { stages: one, assigneeId: awayCouncil.id }, at(1))).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: expect.stringContaining("Select someone in Council") },
    });
    expect(await assignSelectedStages(db, councilLead, { stages: [row!.stageId], assigneeId: colleague.id }, at(1))).toMatchObject({ ok: false, code: "invalid-input" });
    expect(await assignSelectedStages(db, councilLead, { assigneeId: colleague.id }, at(1))).toMatchObject({
      ok: false,
      fieldErrors: { stages: "Select the stages to assign" },
    });
    const tooMany = Array.from({ length: 51 }, () => crypto.randomUUID()).map((id) => bulkSelectionValue(id, null));
    expect(await assignSelectedStages(db, councilLead, { stages: tooMany, assigneeId: colleague.id }, at(1))).toMatchObject({ ok: false, code: "invalid-input" });
    expect((await db.stage.findUniqueOrThrow({ where: { id: row!.stageId } })).assigneeId).toBeNull();
  });
});
