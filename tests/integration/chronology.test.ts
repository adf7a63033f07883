// The chronology for case reviews: everything the reader may see about the person, and nothing else
// (notes by sensitivity, the minimal record, the accommodation address), headed with who produced it,
// each production audited, and the PDF saying the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLondonInputValue } from "../../src/domain/time/london";
import type { Actor } from "../../src/server/access/actor";
import { recordAccommodation } from "../../src/server/accommodation/record-accommodation";
import { closeCase } from "../../src/server/cases/close-case";
import { getChronology } from "../../src/server/chronology/get-chronology";
import { renderChronologyPdf } from "../../src/server/chronology/render-chronology-pdf";
import { recordContact } from "../../src/server/contacts/record-contact";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { addNote } from "../../src/server/people/add-note";
import { changeStage } from "../../src/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { pdfText } from "../support/pdf-text";
import { createWorld, HOUR, MINUTE, type World } from "../support/world";

const db = createPrismaClient();
let world: World;
let away: World;
let police: Actor;
let council: Actor;
let councilLead: Actor;
let health: Actor;
let coordinator: Actor;
let pcc: Actor;
let awayCaseworker: Actor;
let personId: string;

const POLICE_NOTE = "Police only: the suspect's phone number is known (fictional)";
const HEALTH_NOTE = "Health only: on antibiotics (fictional)";
const GENERAL_NOTE = "General: likes to be called by a nickname (fictional)";
const ADDRESS = "Flat 0, 9 Chronology Test Row, Nowhere";

beforeAll(async () => {
  world = await createWorld(db, "chronology");
  away = await createWorld(db, "chronology-away");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  councilLead = await world.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  health = await world.actor("HEALTH");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
  awayCaseworker = await away.actor("COUNCIL_SAFEGUARDING");

  const t0 = new Date(Math.floor((Date.now() - 6 * HOUR) / MINUTE) * MINUTE);
  const person = await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + 5 * MINUTE), person: { interpreterNeeded: "no" } });
  personId = person.personId;
  await changeStage(db, council, { stageId: person.stage("accommodation").id, version: "0", action: "complete", text: "Placed in a refuge (fictional)" }, new Date(t0.getTime() + 3 * HOUR + 10 * MINUTE));
  await recordAccommodation(db, council, { personId, address: ADDRESS });
  for (const [who, text, sensitivity] of [[police, POLICE_NOTE, "POLICE"], [health, HEALTH_NOTE, "HEALTH"], [council, GENERAL_NOTE, "GENERAL"]] as const) {
    const added = await addNote(db, who, { personId, text, sensitivity });
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  await recordContact(db, council, { personId, occurredAt: toLondonInputValue(new Date(Date.now() - HOUR)), method: "IN_PERSON", outcome: "MADE" });
  await closeCase(db, councilLead, { personId, caseVersion: "0", reason: "MISSING", note: "Left the refuge (fictional)" });
});

afterAll(async () => {
  await db.$disconnect();
});

const everything = (doc: Awaited<ReturnType<typeof getChronology>>) => JSON.stringify(doc);

describe("the chronology", () => {
  it("gives the council lead every entry they may read, in words, against the targets, and never the police-only note", async () => {
    const doc = await getChronology(db, councilLead, personId, "view");
    const text = everything(doc);
    expect(doc.produced.startsWith(`Produced by ${councilLead.name}, ${councilLead.agencyName}, on `)).toBe(true);
    expect(doc.produced).toMatch(/, on \d+ \w+ \d{4}, \d\d:\d\d (GMT|BST)$/);
    expect(doc.entries[0]).toMatchObject({ sentence: `${police.agencyName} logged the rescue`, sinceRescue: "T+5 min" });
    const sentences = doc.entries.map((e) => e.sentence);
    expect(sentences).toEqual(expect.arrayContaining([`${council.agencyName} completed Emergency accommodation`, `${council.agencyName} recorded a contact with the person`, `${councilLead.agencyName} closed the case`]));
    expect(doc.entries.find((e) => e.sentence.endsWith("completed Emergency accommodation"))!.sinceRescue).toBe("T+3 h 10 min");
    expect(doc.stages.find((s) => s.title === "Emergency accommodation")!.outcome).toMatch(/^Done in 3 h 10 min, within target/);
    expect(text).toContain(GENERAL_NOTE);
    expect(text).not.toContain(POLICE_NOTE);
    expect(text).not.toContain(HEALTH_NOTE);
    // Council provides the accommodation: its address is theirs to read.
    expect(text).toContain(ADDRESS);
    expect(doc.summary.find((row) => row.key === "Case")!.value).toMatch(/^Closed .*: Missing$/);
  });

  it("gives police their note and the address, and health its note without the place, the address or police's note", async () => {
    const forPolice = everything(await getChronology(db, police, personId, "view"));
    expect(forPolice).toContain(POLICE_NOTE);
    expect(forPolice).toContain(ADDRESS);
    expect(forPolice).not.toContain(HEALTH_NOTE);

    const forHealth = await getChronology(db, health, personId, "view");
    const text = everything(forHealth);
    expect(text).toContain(HEALTH_NOTE);
    expect(text).not.toContain(POLICE_NOTE);
    expect(text).not.toContain(ADDRESS);
    expect(text).not.toContain("Middlesbrough");
    expect(text).not.toContain("Placed in a refuge");
  });

  it("audits each production, on screen and as a PDF", async () => {
    const before = await db.auditEvent.count({ where: { userId: council.id, entityId: personId, action: { in: ["chronology.view", "chronology.pdf"] } } });
    await getChronology(db, council, personId, "view");
    await getChronology(db, council, personId, "pdf");
    const rows = await db.auditEvent.findMany({ where: { userId: council.id, entityId: personId, action: { in: ["chronology.view", "chronology.pdf"] } }, orderBy: { id: "asc" } });
    expect(rows.slice(before).map((r) => r.action)).toEqual(["chronology.view", "chronology.pdf"]);
  });

  it("is not found outside the reader's view, and refused to roles without casework", async () => {
    await expect(getChronology(db, awayCaseworker, personId, "view")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getChronology(db, coordinator, personId, "view")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getChronology(db, pcc, personId, "pdf")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditEvent.count({ where: { userId: awayCaseworker.id, action: "person.view", outcome: "denied" } })).toBe(1);
  });

  it("says the same in the PDF, an A4 document with no police-only note for the council lead", async () => {
    const doc = await getChronology(db, councilLead, personId, "pdf");
    const pdf = await renderChronologyPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain(doc.title);
    expect(text).toContain(`Produced by ${councilLead.name}`);
    expect(text).toContain(`${council.agencyName} completed Emergency accommodation`);
    expect(text).toContain("Not needed — case closed");
    expect(text).toContain("nickname");
    expect(text).not.toContain("suspect");
    expect(text).not.toContain("antibiotics");
  });

  it("prints names and notes outside Latin-1 as written: Romanian, Vietnamese (precomposed or with combining marks), Polish, Greek, Cyrillic", async () => {
    const t0 = new Date(Math.floor((Date.now() - 2 * HOUR) / MINUTE) * MINUTE);
    const named = await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + 5 * MINUTE), person: { name: "Ștefan Țurcanu", interpreterNeeded: "no" } });
    // "Nguyễn" typed with combining marks (e, circumflex, tilde), as some keyboards send it.
    const note = "Interpreter Nguye\u0302\u0303n Thị Hoa; sister Zażółć Gęślą; contacts Ελένη Παπαδοπούλου and Ольга Ковальчук (all fictional)";
    const added = await addNote(db, council, { personId: named.personId, text: note, sensitivity: "GENERAL" });
    expect(added.ok).toBe(true);

    const doc = await getChronology(db, council, named.personId, "pdf");
    expect(doc.subject).toContain("Ștefan Țurcanu");
    const pdf = await renderChronologyPdf(doc);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("Ștefan Țurcanu");
    expect(text).toContain("Nguyễn Thị Hoa");
    expect(text).toContain("Zażółć Gęślą");
    expect(text).toContain("Ελένη Παπαδοπούλου");
    expect(text).toContain("Ольга Ковальчук");
    expect(text).not.toMatch(/\?\w|\w\?/);
    // Embedded, as a subset of Noto Sans: not the standard fonts, and small.
    const source = pdf.toString("latin1");
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(source).toContain("/FontFile2");
    expect(source).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(pdf.length).toBeLessThan(250_000);
  });
});
