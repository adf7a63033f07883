import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { visiblePeople } from "../../src/server/access/visibility";
import { createPrismaClient } from "../../src/server/db/create-client";
import { getAccommodation } from "../../src/server/accommodation/get-accommodation";
import { installQueryPlanCache } from "../../src/server/db/query-plan-cache";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, minute, type World } from "../support/world";

// The plan cache (src/server/db/query-plan-cache.ts, decision record 0034) with Prisma's own
// compiler: a read's shape is trusted only once the compiler's parameterised plan, ids put back,
// matched its literal plan; after that, every call gets its own ids' answer, visibility included.
const db = createPrismaClient();

const T0 = minute("2026-03-10T09:15:00Z");
const LOGGED = new Date(T0.getTime() + 10 * MINUTE);

let world: World;
let police: Actor;
let health: Actor;
const people: string[] = [];

type Shapes = Map<string, { matches: number; broken: boolean }>;
async function shapes(): Promise<Shapes> {
  await installQueryPlanCache();
  const runtime = await import("@prisma/client/runtime/query_compiler_bg.postgresql.mjs");
  return (runtime.QueryCompiler!.prototype.compile as { shapes: Shapes }).shapes;
}

beforeAll(async () => {
  world = await createWorld(db, "plan-cache");
  police = await world.actor("POLICE");
  health = await world.actor("HEALTH");
  for (const name of ["Ada Fictional", "Bea Fictional", "Cal Fictional"]) {
    const logged = await logOnePerson(db, police, { t0: T0, now: LOGGED, person: { name, description: "", interpreterNeeded: "no" } });
    people.push(logged.personId);
  }
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the query plan cache with Prisma's compiler", () => {
  it("is in front of the compiler, and trusts the shapes of the app's reads", async () => {
    // The accommodation page's read of the person (the person's own page reads in SQL: read-person-record.ts).
    for (let round = 0; round < 3; round++) for (const id of people) await getAccommodation(db, police, id);
    const known = await shapes();
    const personReads = [...known].filter(([shape]) => shape.includes('"modelName":"Person"') && shape.includes('"action":"findFirst"'));
    expect(personReads.length).toBeGreaterThan(0);
    expect(personReads.some(([, entry]) => entry.matches >= 2 && !entry.broken)).toBe(true);
  });

  it("answers each call for its own ids once a shape is cached", async () => {
    for (let round = 0; round < 3; round++) {
      for (const id of people) {
        const found = await db.person.findFirst({ where: { AND: [{ id }, visiblePeople(police)] }, select: { id: true, identity: { select: { name: true } } } });
        expect(found?.id).toBe(id);
      }
    }
    const names = await Promise.all(people.map((id) => getPersonPathway(db, police, id).then((person) => person.name)));
    expect(names).toEqual(["Ada Fictional", "Bea Fictional", "Cal Fictional"]);
  });

  it("keeps the visibility rule: a person another agency may not see is still not found", async () => {
    // Health owns no stage of these people yet (only police logged them and owns the first stages).
    const seenByHealth = await db.person.findMany({ where: { AND: [{ id: { in: people } }, visiblePeople(health)] }, select: { id: true } });
    const seenByPolice = await db.person.findMany({ where: { AND: [{ id: { in: people } }, visiblePeople(police)] }, select: { id: true } });
    for (let round = 0; round < 3; round++) {
      expect(await db.person.findMany({ where: { AND: [{ id: { in: people } }, visiblePeople(health)] }, select: { id: true } })).toEqual(seenByHealth);
      expect(await db.person.findMany({ where: { AND: [{ id: { in: people } }, visiblePeople(police)] }, select: { id: true } })).toEqual(seenByPolice);
    }
    expect(seenByPolice.map((p) => p.id).sort()).toEqual([...people].sort());
    const other = await createWorld(db, "plan-cache-other");
    const stranger = await other.actor("POLICE");
    for (let round = 0; round < 3; round++) {
      for (const id of people) expect(await db.person.findFirst({ where: { AND: [{ id }, visiblePeople(stranger)] }, select: { id: true } })).toBeNull();
    }
  });
});
