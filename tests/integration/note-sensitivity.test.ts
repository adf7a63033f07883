import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { addNote } from "../../src/server/people/add-note";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-05-14T11:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

type Writer = "POLICE" | "COUNCIL_SAFEGUARDING" | "HEALTH" | "VCAS";
type Sensitivity = "GENERAL" | "HEALTH" | "POLICE";
const WRITERS: Writer[] = ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "VCAS"];
const SENSITIVITIES: Sensitivity[] = ["GENERAL", "HEALTH", "POLICE"];
const noteText = (writer: Writer, sensitivity: Sensitivity) => `${sensitivity} note written by ${writer} (fictional)`;

/**
 * Who reads which note, written out by hand from the rule: general notes go to every agency working
 * with the person, health notes to health, police notes to police, and the writer's agency always
 * reads its own.
 */
const READS: Record<Writer, string[]> = {
  POLICE: [
    "GENERAL/POLICE", "GENERAL/COUNCIL_SAFEGUARDING", "GENERAL/HEALTH", "GENERAL/VCAS",
    "HEALTH/POLICE",
    "POLICE/POLICE", "POLICE/COUNCIL_SAFEGUARDING", "POLICE/HEALTH", "POLICE/VCAS",
  ],
  COUNCIL_SAFEGUARDING: [
    "GENERAL/POLICE", "GENERAL/COUNCIL_SAFEGUARDING", "GENERAL/HEALTH", "GENERAL/VCAS",
    "HEALTH/COUNCIL_SAFEGUARDING",
    "POLICE/COUNCIL_SAFEGUARDING",
  ],
  HEALTH: [
    "GENERAL/POLICE", "GENERAL/COUNCIL_SAFEGUARDING", "GENERAL/HEALTH", "GENERAL/VCAS",
    "HEALTH/POLICE", "HEALTH/COUNCIL_SAFEGUARDING", "HEALTH/HEALTH", "HEALTH/VCAS",
    "POLICE/HEALTH",
  ],
  VCAS: [
    "GENERAL/POLICE", "GENERAL/COUNCIL_SAFEGUARDING", "GENERAL/HEALTH", "GENERAL/VCAS",
    "HEALTH/VCAS",
    "POLICE/VCAS",
  ],
};

let world: World;
let writers: Record<Writer, Actor>;
let personId: string;

beforeAll(async () => {
  world = await createWorld(db, "note-sensitivity");
  writers = {
    POLICE: await world.actor("POLICE"),
    COUNCIL_SAFEGUARDING: await world.actor("COUNCIL_SAFEGUARDING"),
    HEALTH: await world.actor("HEALTH"),
    VCAS: await world.actor("VCAS"),
  };
  ({ personId } = await logOnePerson(db, writers.POLICE, { t0: T0, now: at(5), person: { interpreterNeeded: "no" } }));
  let minutes = 10;
  for (const writer of WRITERS) {
    for (const sensitivity of SENSITIVITIES) {
      const result = await addNote(db, writers[writer], { personId, text: noteText(writer, sensitivity), sensitivity }, at(minutes++));
      expect(result).toEqual({ ok: true, data: { personId } });
    }
  }
});

afterAll(async () => {
  await db.$disconnect();
});

/** The notes a reader's timeline holds, as "SENSITIVITY/WRITER", sorted. */
async function notesReadBy(reader: Actor) {
  const view = await getPersonPathway(db, reader, personId);
  const found: string[] = [];
  for (const writer of WRITERS) {
    for (const sensitivity of SENSITIVITIES) {
      const entry = view.timeline.find((e) => e.text === noteText(writer, sensitivity));
      if (entry) {
        expect(entry).toMatchObject({ kind: "NOTE_ADDED", sensitivity });
        found.push(`${sensitivity}/${writer}`);
      }
    }
  }
  return { found: found.sort(), json: JSON.stringify(view) };
}

describe("who reads a note", () => {
  it.each(WRITERS)("a caseworker at %s reads exactly the notes the rule gives them", async (agency) => {
    const { found, json } = await notesReadBy(await world.actor(agency));

    expect(found).toEqual([...READS[agency]].sort());
    // Not just absent from the list: absent from everything the use case returns.
    for (const writer of WRITERS) {
      for (const sensitivity of SENSITIVITIES) {
        if (!READS[agency].includes(`${sensitivity}/${writer}`)) expect(json).not.toContain(noteText(writer, sensitivity));
      }
    }
  });

  it("applies the same rule to an agency lead", async () => {
    expect((await notesReadBy(await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD"))).found).toEqual([...READS.COUNCIL_SAFEGUARDING].sort());
    expect((await notesReadBy(await world.actor("POLICE", "AGENCY_LEAD"))).found).toEqual([...READS.POLICE].sort());
  });
});

describe("writing a note", () => {
  it("stores the sensitivity chosen, and treats a note sent without one as general (the form's default)", async () => {
    const { personId: someone } = await logOnePerson(db, writers.POLICE, { t0: T0, now: at(5), person: { interpreterNeeded: "no" } });
    await addNote(db, writers.POLICE, { personId: someone, text: "Police only, stored (fictional)", sensitivity: "POLICE" }, at(60));
    await addNote(db, writers.POLICE, { personId: someone, text: "No choice sent (fictional)" }, at(61));

    const rows = await db.timelineEvent.findMany({ where: { personId: someone, kind: "NOTE_ADDED" }, orderBy: { occurredAt: "asc" } });
    expect(rows.map((r) => [r.text, r.sensitivity, r.actorAgencyId])).toEqual([
      ["Police only, stored (fictional)", "POLICE", world.agencies.POLICE.id],
      ["No choice sent (fictional)", "GENERAL", world.agencies.POLICE.id],
    ]);
  });

  it("refuses a sensitivity that is not one of the three, and writes nothing", async () => {
    const before = await db.timelineEvent.count({ where: { personId } });

    const result = await addNote(db, writers.VCAS, { personId, text: "Everyone? (fictional)", sensitivity: "EVERYONE" }, at(90));

    expect(result).toMatchObject({ ok: false, fieldErrors: { sensitivity: "Select who can read this note" } });
    expect(await db.timelineEvent.count({ where: { personId } })).toBe(before);
  });

  it("never puts a note's text in the audit log", async () => {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "AuditEvent"`);
    const dump = JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    expect(rows.length).toBeGreaterThan(WRITERS.length * SENSITIVITIES.length);
    expect(dump).not.toContain("note written by");
    expect(dump).not.toContain("(fictional)");
    const noteRows = await db.auditEvent.findMany({ where: { action: "note.add", agencyId: world.agencies.HEALTH.id } });
    expect(noteRows.map((r) => [r.entity, r.outcome])).toEqual([
      ["TimelineEvent", "allowed"],
      ["TimelineEvent", "allowed"],
      ["TimelineEvent", "allowed"],
    ]);
  });
});
