// The coordinator's possible earlier rescues (issue 15): the list paged 50 at a time with its total and
// a view per state, newest first; and a decision undone with a reason, in one transaction, at the
// version shown, leaving the decision in the history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import type { Actor } from "../../src/server/access/actor";
import { getPseudonymisedCase } from "../../src/server/cases/get-pseudonymised-case";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { decidePossibleMatch } from "../../src/server/possible-matches/decide-possible-match";
import { getPossibleMatch } from "../../src/server/possible-matches/get-possible-match";
import { listPossibleMatches } from "../../src/server/possible-matches/list-possible-matches";
import { undoPossibleMatchDecision } from "../../src/server/possible-matches/undo-possible-match-decision";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();
const T0 = minute("2026-06-10T08:00:00Z");
const NOW = new Date(T0.getTime() + 20 * MINUTE);

async function log(world: World, logger: Actor, people: Record<string, unknown>[]) {
  const result = await logRescue(db, logger, rescueFormInput({ occurredAt: T0, people: people.map((p) => personFormInput({ interpreterNeeded: "no", ...p })) }), NOW);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return db.person.findMany({ where: { rescueId: result.data.rescueId }, orderBy: { createdAt: "asc" }, select: { id: true, caseReference: true } });
}

afterAll(async () => {
  await db.$disconnect();
});

describe("the list: 50 a page with the total, a view per state, newest first", () => {
  let world: World;
  let coordinator: Actor;
  /** The 120 pairs, newest flagged first. */
  let newestFirst: string[] = [];

  beforeAll(async () => {
    world = await createWorld(db, "pm-list");
    const police = await world.actor("POLICE");
    coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
    // Distinct names, so logging flags nothing: the 120 pairs are written here, 12 later people × 10 earlier.
    const earlier = await log(world, police, Array.from({ length: 10 }, (_, i) => ({ name: `Pagefictional Earlier ${i}` })));
    const later = await log(world, police, Array.from({ length: 12 }, (_, i) => ({ name: `Pagefictional Later ${i}` })));
    expect(await db.possibleMatch.count({ where: { partnershipId: world.partnership.id } })).toBe(0);
    const rows = later.flatMap((person, i) =>
      earlier.map((other, j) => ({
        partnershipId: world.partnership.id,
        personId: person.id,
        earlierPersonId: other.id,
        reason: "NAME_AND_NATIONALITY" as const,
        createdAt: new Date(T0.getTime() + (i * 10 + j) * MINUTE),
      })),
    );
    await db.possibleMatch.createMany({ data: rows });
    newestFirst = (
      await db.possibleMatch.findMany({ where: { partnershipId: world.partnership.id }, orderBy: [{ createdAt: "desc" }], select: { id: true } })
    ).map((row) => row.id);
  });

  it("pages 120 pairs to check as 3 pages of 50, 50 and 20, total 120, newest flagged first; a page past the end is the last", async () => {
    const pages = await Promise.all(["1", "2", "3"].map((page) => listPossibleMatches(db, coordinator, { page })));
    expect(pages.map((list) => [list.total, list.page, list.pageCount, list.rows.length])).toEqual([
      [120, 1, 3, 50],
      [120, 2, 3, 50],
      [120, 3, 3, 20],
    ]);
    expect(pages.flatMap((list) => list.rows.map((row) => row.id))).toEqual(newestFirst);
    const past = await listPossibleMatches(db, coordinator, { page: "99" });
    expect([past.page, past.rows.map((row) => row.id)]).toEqual([3, pages[2]!.rows.map((row) => row.id)]);
    expect(JSON.stringify(pages)).not.toContain("Pagefictional");
  });

  it("reads a hostile query string as the plain list", async () => {
    const plain = await listPossibleMatches(db, coordinator, {});
    const hostile: Record<string, string | string[]>[] = [
      { state: "OPEN" },
      { state: ["same", "different"] },
      { state: "same' OR 1=1 --" },
      { page: "-2" },
      { page: "0x2" },
      { page: ["2", "3"] },
      { page: "99999999999999999999" },
      { constructor: "y", toString: "z" },
    ];
    for (const raw of hostile) {
      const list = await listPossibleMatches(db, coordinator, raw);
      expect([list.query, list.page, list.rows.map((row) => row.id)]).toEqual([{ state: "open", page: 1 }, 1, plain.rows.map((row) => row.id)]);
    }
  });

  it("filters by state: decided the same person and different people each have their own view, newest decision first", async () => {
    const [a, b, c] = newestFirst.slice(-3);
    const decide = (matchId: string, decision: string, minutes: number) =>
      decidePossibleMatch(db, coordinator, { matchId, version: "0", decision, note: "Checked (fictional)" }, new Date(NOW.getTime() + minutes * MINUTE));
    expect((await decide(a!, "SAME_PERSON", 1)).ok).toBe(true);
    expect((await decide(b!, "SAME_PERSON", 2)).ok).toBe(true);
    expect((await decide(c!, "NOT_SAME_PERSON", 3)).ok).toBe(true);

    const same = await listPossibleMatches(db, coordinator, { state: "same" });
    expect([same.total, same.rows.map((row) => row.id)]).toEqual([2, [b, a]]);
    expect(same.rows.every((row) => row.state === "SAME_PERSON")).toBe(true);
    const different = await listPossibleMatches(db, coordinator, { state: "different" });
    expect([different.total, different.rows.map((row) => row.id)]).toEqual([1, [c]]);
    const open = await listPossibleMatches(db, coordinator, {});
    expect([open.total, open.pageCount]).toEqual([117, 3]);
    expect(open.rows.map((row) => row.id)).not.toContain(a);
    // Each view is audited with the view and the count, never a name.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "possible_match.list", userId: coordinator.id }, orderBy: { id: "desc" } });
    expect(audit.changes).toEqual({ results: { before: null, after: 117 }, view: { before: null, after: "open" } });
  });
});

describe("undoing a decision", () => {
  let world: World;
  let police: Actor;
  let charity: Actor;
  let coordinator: Actor;

  beforeAll(async () => {
    world = await createWorld(db, "pm-undo");
    police = await world.actor("POLICE");
    charity = await world.actor("SALVATION_ARMY");
    coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  });

  /** A pair flagged by logging the same name and nationality twice: police first, then the charity. */
  async function flaggedPair(name: string) {
    const [earlier] = await log(world, police, [{ name }]);
    const [later] = await log(world, charity, [{ name }]);
    const match = await db.possibleMatch.findFirstOrThrow({ where: { personId: later!.id, earlierPersonId: earlier!.id } });
    return { earlier: earlier!, later: later!, matchId: match.id };
  }

  async function decidedPair(name: string, decision: "SAME_PERSON" | "NOT_SAME_PERSON") {
    const pair = await flaggedPair(name);
    const decided = await decidePossibleMatch(db, coordinator, { matchId: pair.matchId, version: "0", decision, note: "Same date of birth on both records (fictional)" }, NOW);
    expect(decided.ok).toBe(true);
    return pair;
  }

  const undo = (actor: Actor, matchId: string, version: string, reason: string, at = new Date(NOW.getTime() + 10 * MINUTE)) =>
    undoPossibleMatchDecision(db, actor, { matchId, version, reason }, at);

  it("undoes 'same person' in one go: back to check, the case link gone, both timelines answered, the leads told, audited, the decision kept", async () => {
    const policeLead = await world.actor("POLICE", "AGENCY_LEAD");
    const charityLead = await world.actor("SALVATION_ARMY", "AGENCY_LEAD");
    const { earlier, later, matchId } = await decidedPair("Undo Samefictional", "SAME_PERSON");
    expect((await getPseudonymisedCase(db, coordinator, later.id)).sameAs.map((other) => other.personId)).toEqual([earlier.id]);

    expect(await undo(coordinator, matchId, "1", "Wrong record opened under break-glass (fictional)")).toEqual({ ok: true, data: { matchId, undone: "SAME_PERSON" } });

    const stored = await db.possibleMatch.findUniqueOrThrow({ where: { id: matchId } });
    expect(stored).toMatchObject({ state: "OPEN", decidedAt: null, decidedById: null, version: 2 });
    // The link the decision made on both cases is gone; each case lists the pair as to check again.
    for (const person of [later, earlier]) {
      const view = await getPseudonymisedCase(db, coordinator, person.id);
      expect(view.sameAs).toEqual([]);
      expect(view.openPossibleMatches).toEqual([{ id: matchId }]);
    }
    // Nothing is deleted: the decision is in the history with who undid it, when and why.
    expect(await db.possibleMatchDecision.findMany({ where: { matchId }, select: { decision: true, note: true, decidedById: true, undoneById: true, undoReason: true, undoneAt: true } })).toEqual([
      {
        decision: "SAME_PERSON",
        note: "Same date of birth on both records (fictional)",
        decidedById: coordinator.id,
        undoneById: coordinator.id,
        undoReason: "Wrong record opened under break-glass (fictional)",
        undoneAt: new Date(NOW.getTime() + 10 * MINUTE),
      },
    ]);
    // Timelines: the confirmation stays, and the withdrawal follows it, naming neither record.
    for (const person of [later, earlier]) {
      const kinds = (await db.timelineEvent.findMany({ where: { personId: person.id, kind: { in: ["EARLIER_RESCUE_CONFIRMED", "EARLIER_RESCUE_WITHDRAWN"] } }, orderBy: { occurredAt: "asc" } })).map((e) => e.kind);
      expect(kinds).toEqual(["EARLIER_RESCUE_CONFIRMED", "EARLIER_RESCUE_WITHDRAWN"]);
    }
    const charityPage = await getPersonPathway(db, charity, later.id);
    expect(charityPage.timeline.map((entry) => entry.kind)).toContain("EARLIER_RESCUE_WITHDRAWN");
    expect(JSON.stringify(charityPage)).not.toContain(earlier.caseReference);
    // The audit row: the state before and after, never the reason's words.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "possible_match.undo", entityId: matchId } });
    expect([audit.userId, audit.outcome, audit.changes]).toEqual([coordinator.id, "allowed", { state: { before: "SAME_PERSON", after: "OPEN" } }]);
    expect(JSON.stringify([audit.changes, audit.entity, audit.entityId])).not.toContain("break-glass");
    // Each logging agency's leads hear about their own person only.
    const [charityNotice] = await db.notification.findMany({ where: { recipientId: charityLead.id, kind: "EARLIER_RESCUE_WITHDRAWN" } });
    expect(charityNotice).toMatchObject({ href: `/people/${later.id}` });
    expect(`${charityNotice!.title} ${charityNotice!.body}`).not.toContain(earlier.caseReference);
    const [policeNotice] = await db.notification.findMany({ where: { recipientId: policeLead.id, kind: "EARLIER_RESCUE_WITHDRAWN" } });
    expect(policeNotice).toMatchObject({ href: `/people/${earlier.id}` });

    // Decided again, the pair is linked again and the leads are told again; the page shows both decisions, newest first.
    expect((await decidePossibleMatch(db, coordinator, { matchId, version: "2", decision: "SAME_PERSON", note: "Checked again (fictional)" }, new Date(NOW.getTime() + 20 * MINUTE))).ok).toBe(true);
    expect((await getPseudonymisedCase(db, coordinator, later.id)).sameAs.map((other) => other.personId)).toEqual([earlier.id]);
    expect(await db.notification.count({ where: { recipientId: charityLead.id, kind: "EARLIER_RESCUE_CONFIRMED", href: `/people/${later.id}` } })).toBe(2);
    const page = await getPossibleMatch(db, coordinator, matchId);
    expect(page.decisions.map((d) => [d.note, d.undone?.reason ?? null])).toEqual([
      ["Checked again (fictional)", null],
      ["Same date of birth on both records (fictional)", "Wrong record opened under break-glass (fictional)"],
    ]);
    expect(page.canUndo).toBe(true);
  });

  it("undoes 'not the same' without touching anyone's timeline, as the decision wrote none", async () => {
    const { later, matchId } = await decidedPair("Undo Differentfictional", "NOT_SAME_PERSON");
    expect(await undo(coordinator, matchId, "1", "Ages were read wrongly (fictional)")).toMatchObject({ ok: true, data: { undone: "NOT_SAME_PERSON" } });
    expect(await db.timelineEvent.count({ where: { personId: later.id, kind: { in: ["EARLIER_RESCUE_CONFIRMED", "EARLIER_RESCUE_WITHDRAWN"] } } })).toBe(0);
    expect((await db.possibleMatch.findUniqueOrThrow({ where: { id: matchId } })).state).toBe("OPEN");
    const open = await listPossibleMatches(db, coordinator, {});
    expect(open.rows.map((row) => row.id)).toContain(matchId);
  });

  it("requires a reason, next to its field, and writes nothing without one", async () => {
    const { matchId } = await decidedPair("Undo Reasonfictional", "SAME_PERSON");
    for (const reason of ["", "   ", "\u0000"]) {
      expect(await undo(coordinator, matchId, "1", reason)).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { reason: expect.any(String) } });
    }
    expect(await undo(coordinator, matchId, "1", "x".repeat(1001))).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { reason: "Enter 1000 characters or fewer" } });
    expect(await db.possibleMatch.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ state: "SAME_PERSON", version: 1 });
    expect(await db.auditEvent.count({ where: { action: "possible_match.undo", entityId: matchId } })).toBe(0);
  });

  it("refuses every role but the coordinator by its rule, another partnership's coordinator as not found, and an open pair as not decided", async () => {
    const { matchId } = await decidedPair("Undo Refusalfictional", "SAME_PERSON");
    for (const actor of [police, await world.actor("POLICE", "AGENCY_LEAD"), await world.actor("PCC_OFFICE", "PCC_OFFICE"), await world.actor("PARTNERSHIP", "ADMINISTRATOR")]) {
      const refusal = await undo(actor, matchId, "1", "Trying (fictional)").catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ForbiddenError);
      expect((refusal as ForbiddenError).rule).toBe(`role ${actor.role} lacks possible_match.undo`);
    }
    const elsewhere = await createWorld(db, "pm-undo-other");
    await expect(undo(await elsewhere.actor("PARTNERSHIP", "COORDINATOR"), matchId, "1", "Trying (fictional)")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.possibleMatch.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ state: "SAME_PERSON", version: 1 });

    const open = await flaggedPair("Undo Openfictional");
    expect(await undo(coordinator, open.matchId, "0", "Nothing to undo (fictional)")).toMatchObject({ ok: false, code: "not-decided" });
  });

  it("stops two coordinators at once: one undo wins, the other and any stale form are refused stale-version", async () => {
    const { matchId } = await decidedPair("Undo Racefictional", "SAME_PERSON");
    const colleague = await world.actor("PARTNERSHIP", "COORDINATOR");
    const results = await Promise.all([undo(coordinator, matchId, "1", "First (fictional)"), undo(colleague, matchId, "1", "Second (fictional)")]);
    expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["ok", "stale-version"]);
    expect(await db.possibleMatchDecision.count({ where: { matchId, undoneAt: { not: null } } })).toBe(1);
    expect(await db.timelineEvent.count({ where: { personId: (await db.possibleMatch.findUniqueOrThrow({ where: { id: matchId } })).personId, kind: "EARLIER_RESCUE_WITHDRAWN" } })).toBe(1);

    // The decision form shown before the undo (version 0) and the undo form shown before it (version 1) are both out of date now.
    expect(await decidePossibleMatch(db, coordinator, { matchId, version: "0", decision: "NOT_SAME_PERSON", note: "Old form (fictional)" })).toMatchObject({ ok: false, code: "stale-version" });
    expect(await undo(colleague, matchId, "1", "Old form (fictional)")).toMatchObject({ ok: false, code: "stale-version" });

    // Two decisions at once on the pair that is back to check: one lands, the other is refused.
    const redecided = await Promise.all([
      decidePossibleMatch(db, coordinator, { matchId, version: "2", decision: "SAME_PERSON", note: "Checked again (fictional)" }),
      decidePossibleMatch(db, colleague, { matchId, version: "2", decision: "NOT_SAME_PERSON", note: "Checked again too (fictional)" }),
    ]);
    expect(redecided.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["already-decided", "ok"]);
    expect(await db.possibleMatchDecision.count({ where: { matchId, undoneAt: null } })).toBe(1);
  });
});
