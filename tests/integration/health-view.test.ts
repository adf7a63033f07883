import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { addNote } from "../../src/server/people/add-note";
import { listAgencyPeople } from "../../src/server/people/list-agency-people";
import { getRescue } from "../../src/server/rescues/get-rescue";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { logRescue } from "../../src/server/rescues/log-rescue";
import { changeStage } from "../../src/server/stages/change-stage";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();

const T0 = minute("2026-04-02T22:40:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

// Every string below is something health must not read, except where it says HEALTH.
const PLACE = "Unit 9, Fictional Trading Estate, Teesmoor";
const OPERATION = "OP-NIGHTJAR-HEALTHVIEW";
// Typed as "Moldovan", stored as its code.
const NATIONALITY = "Moldovan";
const NATIONALITY_CODE = "MDA";
const POLICE_REASON = "Found in the loft; the site manager fled (police detail)";
const INTERPRETER_REASON = "Speaks English well enough; said so through the officer's own checks (police detail)";
const COUNCIL_REASON = "Placed in the council's emergency refuge (council detail)";
const SOCIAL_CARE_PAUSE = "Waiting for the GP's letter before the assessment (council detail)";
const POLICE_NOTE = "The suspected exploiter's phone was seized (police note)";
const COUNCIL_POLICE_NOTE = "Council told police about a sighting of the van (council note for police)";
const HEALTH_REASON = "HEALTH: triage done, sprained ankle dressed";
const HEALTH_NOTE = "HEALTH: allergic to penicillin";
const GENERAL_NOTE = "HEALTH: asked for a female doctor (general note)";

let world: World;
let police: Actor;
let council: Actor;
let health: Actor;
let personId: string;
let stageIds: Record<string, string>;

async function done<T>(result: Promise<{ ok: boolean } & T>) {
  const settled = await result;
  if (!settled.ok) throw new Error(`Expected success: ${JSON.stringify(settled)}`);
  return settled;
}

async function change(actor: Actor, key: string, action: string, text: string, minutes: number) {
  const stage = await db.stage.findUniqueOrThrow({ where: { id: stageIds[key]! } });
  await done(changeStage(db, actor, { stageId: stage.id, version: stage.version, action, text }, at(minutes)));
}

beforeAll(async () => {
  world = await createWorld(db, "health-view");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  health = await world.actor("HEALTH");
  const logged = await logRescue(
    db,
    police,
    rescueFormInput({
      occurredAt: T0,
      place: PLACE,
      operationReference: OPERATION,
      people: [
        personFormInput({
          name: "Lina Placeholder",
          description: "",
          nationality: NATIONALITY,
          languages: "Romanian, Russian",
          immediateNeeds: ["Rest", "Medical care"],
          // The national categories are police and referral detail, not care: health does not read them.
          exploitationLocation: "BOTH",
          countyLines: "NO",
          ageAtExploitation: "CHILD",
          referrerType: "POLICE",
        }),
      ],
    }),
    at(5),
  );
  if (!logged.ok) throw new Error("rescue not logged");
  const person = await db.person.findFirstOrThrow({ where: { rescueId: logged.data.rescueId }, include: { stages: { include: { templateStage: true } } } });
  personId = person.id;
  stageIds = Object.fromEntries(person.stages.map((s) => [s.templateStage.key, s.id]));

  await change(police, "immediate-safety", "complete", POLICE_REASON, 30);
  // "Not needed" keeps its reason on the stage itself (a closing reason), not only in the timeline.
  await change(police, "interpreter", "not_needed", INTERPRETER_REASON, 60);
  await change(council, "accommodation", "complete", COUNCIL_REASON, 120);
  await change(council, "social-care-contact", "pause", SOCIAL_CARE_PAUSE, 130);
  await change(health, "health-check", "start", "", 140);
  await change(health, "health-check", "complete", HEALTH_REASON, 170);
  await done(addNote(db, police, { personId, text: POLICE_NOTE, sensitivity: "POLICE" }, at(180)));
  await done(addNote(db, council, { personId, text: COUNCIL_POLICE_NOTE, sensitivity: "POLICE" }, at(185)));
  await done(addNote(db, council, { personId, text: GENERAL_NOTE, sensitivity: "GENERAL" }, at(190)));
  await done(addNote(db, health, { personId, text: HEALTH_NOTE, sensitivity: "HEALTH" }, at(200)));
});

afterAll(async () => {
  await db.$disconnect();
});

const HIDDEN_FROM_HEALTH = [PLACE, OPERATION, NATIONALITY_CODE, POLICE_REASON, INTERPRETER_REASON, COUNCIL_REASON, SOCIAL_CARE_PAUSE, POLICE_NOTE, COUNCIL_POLICE_NOTE];

describe("health's minimal view of a person", () => {
  it("a police caseworker's full view holds every one of the strings health must not read (so the checks below can fail)", async () => {
    const view = await getPersonPathway(db, police, personId);
    const text = JSON.stringify(view);
    expect(view.stages.find((s) => s.key === "interpreter")?.closingReason).toBe(INTERPRETER_REASON);
    for (const hidden of HIDDEN_FROM_HEALTH.filter((s) => s !== COUNCIL_POLICE_NOTE)) expect(text).toContain(hidden);
    expect(text).toContain(COUNCIL_POLICE_NOTE);
    expect(view).toMatchObject({ nationalityCode: NATIONALITY_CODE, exploitationLocation: "BOTH", countyLines: "NO", ageAtExploitation: "CHILD", referrerType: "POLICE" });
  });

  it.each(["CASEWORKER", "AGENCY_LEAD"] as const)("gives a health %s identity, a minimal summary and the health stage, and nothing else", async (role) => {
    const reader = role === "CASEWORKER" ? health : await world.actor("HEALTH", role);

    const view = await getPersonPathway(db, reader, personId);
    const text = JSON.stringify(view);

    for (const hidden of HIDDEN_FROM_HEALTH) expect(text).not.toContain(hidden);
    expect(view).toMatchObject({
      minimalRecord: true,
      name: "Lina Placeholder",
      ageGroup: "ADULT",
      gender: "FEMALE",
      languages: ["Romanian", "Russian"],
      interpreterNeeded: true,
      immediateNeeds: ["Rest", "Medical care"],
      nationalityCode: null,
      nationalityUnmatched: null,
      exploitationType: null,
      exploitationLocation: null,
      countyLines: null,
      ageAtExploitation: null,
      referrerType: null,
      rescue: { place: null, operationReference: null, occurredAt: T0 },
    });
    // Health's own stage, in full.
    expect(view.stages.find((s) => s.key === "health-check")).toMatchObject({ seenInFull: true, state: "DONE", changeRefusal: "finished" });
    // The others: title, owner and state, without why.
    expect(view.stages.filter((s) => !s.seenInFull).map((s) => [s.key, s.state, s.closingReason])).toEqual([
      ["immediate-safety", "DONE", null],
      ["interpreter", "NOT_NEEDED", null],
      ["accommodation", "DONE", null],
      ["social-care-contact", "PAUSED", null],
      ["case-conference", "NOT_STARTED", null],
      ["victim-support", "NOT_STARTED", null],
      ["nrm-consent-decision", "NOT_STARTED", null],
    ]);
    // Timeline: the rescue, the health stage's entries, and the general and health notes; newest first.
    expect(view.timeline.map((e) => [e.kind, e.stageTitle, e.text, e.sensitivity])).toEqual([
      ["NOTE_ADDED", null, HEALTH_NOTE, "HEALTH"],
      ["NOTE_ADDED", null, GENERAL_NOTE, "GENERAL"],
      ["STAGE_COMPLETED", "Health check (triage)", HEALTH_REASON, "GENERAL"],
      ["STAGE_STARTED", "Health check (triage)", null, "GENERAL"],
      ["RESCUE_LOGGED", null, null, "GENERAL"],
    ]);
  });

  it("keeps the place and operation off health's people list and rescue page, which police still see", async () => {
    const rescueId = (await db.person.findUniqueOrThrow({ where: { id: personId } })).rescueId;
    const healthList = (await listAgencyPeople(db, health, {}, at(210))).rows;
    const healthRescue = await getRescue(db, health, rescueId);
    expect(healthList.find((row) => row.id === personId)).toMatchObject({ place: null });
    expect(healthRescue).toMatchObject({ place: null, operationReference: null });
    for (const hidden of [PLACE, OPERATION]) expect(JSON.stringify([healthList, healthRescue])).not.toContain(hidden);

    const policeRescue = await getRescue(db, police, rescueId);
    expect(policeRescue).toMatchObject({ place: PLACE, operationReference: OPERATION });
    expect((await listAgencyPeople(db, police, {}, at(210))).rows.find((row) => row.id === personId)).toMatchObject({ place: PLACE });
  });

  it("opens a stage referred to health while the referral waits for an answer, and closes it again once answered", async () => {
    const socialCare = stageIds["social-care-contact"]!;
    const councilUser = await db.user.findUniqueOrThrow({ where: { id: council.id } });
    const referral = await db.referral.create({
      data: { stageId: socialCare, fromAgencyId: world.agencies.COUNCIL_SAFEGUARDING.id, toAgencyId: world.agencies.HEALTH.id, referredById: councilUser.id },
    });

    const pending = await getPersonPathway(db, health, personId);
    expect(pending.stages.find((s) => s.key === "social-care-contact")).toMatchObject({ seenInFull: true, changeRefusal: "not-owner" });
    expect(pending.timeline.map((e) => [e.kind, e.stageTitle, e.text])).toContainEqual(["STAGE_PAUSED", "Social care contact", SOCIAL_CARE_PAUSE]);
    // Still nothing from the other agencies' stages.
    expect(JSON.stringify(pending)).not.toContain(COUNCIL_REASON);

    await db.referral.update({ where: { id: referral.id }, data: { state: "DECLINED", answeredAt: at(4 * 60), answeredById: health.id } });
    const answered = JSON.stringify(await getPersonPathway(db, health, personId));
    expect(answered).not.toContain(SOCIAL_CARE_PAUSE);
    expect(answered).toContain(HEALTH_REASON);
  });

  it("gives council safeguarding the full record, without the notes written for police or health", async () => {
    const view = await getPersonPathway(db, await world.actor("COUNCIL_SAFEGUARDING"), personId);
    const text = JSON.stringify(view);

    expect(view.minimalRecord).toBe(false);
    expect(view.rescue.place).toBe(PLACE);
    expect(view.stages.every((s) => s.seenInFull)).toBe(true);
    for (const seen of [POLICE_REASON, COUNCIL_REASON, HEALTH_REASON, GENERAL_NOTE, COUNCIL_POLICE_NOTE]) expect(text).toContain(seen);
    for (const hidden of [POLICE_NOTE, HEALTH_NOTE]) expect(text).not.toContain(hidden);
  });
});

