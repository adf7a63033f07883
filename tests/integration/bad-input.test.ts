// Bad input through the real server actions: a NUL or other control character in a text field, a
// number that is not digits, a time of rescue far in the past. Each is an answer next to the field,
// never a 500, and nothing is written.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { HIDDEN_CHARACTERS_MESSAGE } from "@/domain/input/text";
import { initialFormState } from "@/lib/form-state";
import type { Actor } from "@/server/access/actor";
import { searchAuditLog } from "@/server/audit-search/search-audit-log";
import { getSessionUserId } from "@/server/auth/session";
import { openBreakGlass } from "@/server/break-glass/open-break-glass";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { referStage } from "@/server/referrals/refer-stage";
import { outcomeOf, toFormData } from "../support/form-data";
import { logOnePerson } from "../support/log-person";
import { countCaseTables, createWorld, MINUTE, type World } from "../support/world";

// Only who is signed in is faked (see server-actions-auth.test.ts for why each mock is needed).
vi.mock("@/server/auth/session", () => ({ getSessionUserId: vi.fn(async (): Promise<string | null> => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/server/auth/auth", () => ({ handlers: {}, auth: vi.fn(async () => null), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

type FormAction = (previous: unknown, form: FormData) => Promise<unknown>;

const db = createPrismaClient();
const sessionUserId = vi.mocked(getSessionUserId);

let world: World;
let police: Actor;
let council: Actor;
let salvationArmy: Actor;
let coordinator: Actor;
let admin: Actor;
let person: Awaited<ReturnType<typeof logOnePerson>>;
let referralId: string;
let accessId: string;

beforeAll(async () => {
  world = await createWorld(db, "bad-input");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  salvationArmy = await world.actor("SALVATION_ARMY");
  coordinator = await world.actor("PARTNERSHIP", "COORDINATOR");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
  const now = new Date();
  person = await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now });
  const referral = await referStage(db, council, {
    stageId: person.stage("accommodation").id,
    toAgencyId: world.agencies.SALVATION_ARMY!.id,
    message: "Can you take this? (fictional)",
  });
  if (!referral.ok) throw new Error(JSON.stringify(referral));
  referralId = referral.data.referralId;
  const opened = await openBreakGlass(db, coordinator, { personId: person.personId, reason: "Police asked who this is (fictional)" });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  accessId = (await db.breakGlassAccess.findFirstOrThrow({ where: { personId: person.personId } })).id;
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

async function action(module: string, name: string): Promise<FormAction> {
  const exports = (await import(/* @vite-ignore */ `@/app/(app)/${module}/actions`)) as Record<string, FormAction>;
  return exports[name]!;
}

async function everythingStored() {
  return {
    counts: await countCaseTables(db),
    stages: await db.stage.findMany({ where: { personId: person.personId }, orderBy: { id: "asc" } }),
    referrals: await db.referral.findMany({ orderBy: { id: "asc" } }),
    breakGlass: await db.breakGlassAccess.findMany({ orderBy: { id: "asc" } }),
    placements: await db.accommodationPlacement.findMany({ orderBy: { personId: "asc" } }),
    partnership: await db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } }),
    agencies: await db.agency.findMany({ where: { partnershipId: world.partnership.id }, orderBy: { id: "asc" } }),
  };
}

/** Calls the action as `actor` and expects `field` to carry `message`, with nothing written. */
async function expectRefused(actor: Actor, call: [string, string], fields: Record<string, unknown>, field: string, message: string | RegExp) {
  sessionUserId.mockResolvedValue(actor.id);
  const fn = await action(...call);
  const before = await everythingStored();

  const outcome = await outcomeOf(() => fn(initialFormState, toFormData(fields)));

  expect(outcome).toEqual({ returned: expect.objectContaining({ fieldErrors: expect.objectContaining({ [field]: message instanceof RegExp ? expect.stringMatching(message) : message }) }) });
  expect(await everythingStored()).toEqual(before);
}

const NUL = "\u0000";

describe("a NUL character in a text field", () => {
  const cases: { label: string; who: () => Actor; call: [string, string]; fields: () => Record<string, unknown>; field: string }[] = [
    { label: "rescue place", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ place: `Middles${NUL}brough` }), field: "place" },
    { label: "operation reference", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ operationReference: `OP${NUL}` }), field: "operationReference" },
    { label: "person's name", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ people: [personFormInput({ name: `Ana${NUL}` })] }), field: "people.0.name" },
    { label: "person's description", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ people: [personFormInput({ description: `Woman${NUL}` })] }), field: "people.0.description" },
    { label: "nationality", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ people: [personFormInput({ nationality: `Ro${NUL}` })] }), field: "people.0.nationality" },
    { label: "languages", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ people: [personFormInput({ languages: `Romanian, Ro${NUL}` })] }), field: "people.0.languages" },
    { label: "other needs", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ people: [personFormInput({ otherNeeds: `Glasses${NUL}` })] }), field: "people.0.otherNeeds" },
    { label: "note", who: () => police, call: ["people/[personId]", "addNoteAction"], fields: () => ({ personId: person.personId, text: `Note${NUL}` }), field: "text" },
    {
      label: "stage outcome",
      who: () => council,
      call: ["people/[personId]/stages/[stageId]", "changeStageAction"],
      fields: () => ({ stageId: person.stage("accommodation").id, version: 0, action: "complete", text: `Placed${NUL}` }),
      field: "text",
    },
    {
      label: "referral message",
      who: () => council,
      call: ["people/[personId]/stages/[stageId]", "referStageAction"],
      fields: () => ({ stageId: person.stage("health-check").id, toAgencyId: world.agencies.VCAS!.id, message: `Please${NUL}` }),
      field: "message",
    },
    { label: "referral answer", who: () => salvationArmy, call: ["referrals/[referralId]", "answerReferralAction"], fields: () => ({ referralId, decision: "decline", reason: `Full${NUL}` }), field: "reason" },
    { label: "break-glass reason", who: () => coordinator, call: ["cases/[personId]", "breakGlassAction"], fields: () => ({ personId: person.personId, reason: `Police need it now${NUL}` }), field: "reason" },
    { label: "break-glass review", who: () => admin, call: ["admin/break-glass/[accessId]", "reviewBreakGlassAction"], fields: () => ({ accessId, note: `Fine${NUL}` }), field: "note" },
    { label: "new agency's name", who: () => admin, call: ["admin/agencies", "addAgencyAction"], fields: () => ({ name: `Refuge${NUL}`, kind: "CHARITY" }), field: "name" },
    {
      label: "agency's new name",
      who: () => admin,
      call: ["admin/agencies/[agencyId]", "renameAgencyAction"],
      fields: () => ({ agencyId: world.agencies.VCAS.id, version: 0, name: `VCAS${NUL}` }),
      field: "name",
    },
    {
      label: "agency's opening time",
      who: () => admin,
      call: ["admin/agencies/[agencyId]", "setAgencyHoursAction"],
      fields: () => ({ agencyId: world.agencies.VCAS.id, version: 0, hours: "office", opensAt: `09:00${NUL}`, closesAt: "17:00" }),
      field: "opensAt",
    },
    { label: "closing note", who: () => coordinator, call: ["cases/[personId]/close", "closeCaseAction"], fields: () => ({ personId: person.personId, caseVersion: 0, reason: "MISSING", note: `Gone${NUL}` }), field: "note" },
    { label: "reopening reason", who: () => coordinator, call: ["cases/[personId]/reopen", "reopenCaseAction"], fields: () => ({ personId: person.personId, caseVersion: 0, reason: `Back${NUL}` }), field: "reason" },
    { label: "contact time", who: () => council, call: ["people/[personId]", "recordContactAction"], fields: () => ({ personId: person.personId, occurredAt: `2026-11-30T10:00${NUL}`, method: "PHONE", outcome: "MADE" }), field: "occurredAt" },
    { label: "accommodation address", who: () => council, call: ["people/[personId]/accommodation", "recordAccommodationAction"], fields: () => ({ personId: person.personId, address: `1 Fictional Road${NUL}` }), field: "address" },
    {
      label: "corrected name",
      who: () => police,
      call: ["people/[personId]/details", "correctPersonDetailsAction"],
      fields: () => ({ personId: person.personId, version: 0, name: `Ana${NUL}`, gender: "FEMALE", interpreterNeeded: "yes" }),
      field: "name",
    },
    { label: "child of person N", who: () => police, call: ["rescues/new", "logRescueAction"], fields: () => rescueFormInput({ people: [personFormInput(), personFormInput({ ageGroup: "CHILD", childOf: `1${NUL}` })] }), field: "people.1.childOf" },
    {
      label: "who assessed the age",
      who: () => council,
      call: ["people/[personId]/age", "recordAgeAssessmentAction"],
      fields: () => ({ personId: person.personId, outcome: "ADULT", assessedOn: "2026-11-30", assessedBy: `Social worker${NUL}`, mertonCompliant: "yes" }),
      field: "assessedBy",
    },
    { label: "reason for unlinking a parent", who: () => police, call: ["people/[personId]", "unlinkDependantAction"], fields: () => ({ personId: person.personId, reason: `Linked in error${NUL}` }), field: "reason" },
    { label: "safe ways to contact", who: () => police, call: ["people/[personId]/safety", "setSafetyFlagsAction"], fields: () => ({ personId: person.personId, version: 0, safeContact: `Via VCAS${NUL}` }), field: "safeContact" },
  ];

  it.each(cases)("in the $label is refused next to the field", async ({ who, call, fields, field }) => {
    await expectRefused(who(), call, fields(), field, HIDDEN_CHARACTERS_MESSAGE);
  });

  it("and other control characters too, while a note keeps its line breaks", async () => {
    await expectRefused(police, ["people/[personId]", "addNoteAction"], { personId: person.personId, text: "Bell\u0007" }, "text", HIDDEN_CHARACTERS_MESSAGE);
    await expectRefused(police, ["rescues/new", "logRescueAction"], rescueFormInput({ place: "Middles\u001bbrough" }), "place", HIDDEN_CHARACTERS_MESSAGE);

    sessionUserId.mockResolvedValue(police.id);
    const addNote = await action("people/[personId]", "addNoteAction");
    const outcome = await outcomeOf(() => addNote(initialFormState, toFormData({ personId: person.personId, text: "Line one\r\nLine two\tend" })));
    expect(outcome).toMatchObject({ redirectedTo: `/people/${person.personId}?note=added` });
    expect(await db.timelineEvent.findFirst({ where: { personId: person.personId, kind: "NOTE_ADDED" } })).toMatchObject({ text: "Line one\r\nLine two\tend" });
  });
});

describe("the audit log search (query parameters)", () => {
  it("refuses a NUL in the case reference, and a page number in hex, next to the field", async () => {
    expect(await searchAuditLog(db, admin, { person: `VCP-${NUL}` })).toMatchObject({ ok: false, fieldErrors: { person: HIDDEN_CHARACTERS_MESSAGE } });
    expect(await searchAuditLog(db, admin, { page: "0x2" })).toMatchObject({ ok: false, fieldErrors: { page: "Page not found" } });
    expect(await searchAuditLog(db, admin, { page: "2" })).toMatchObject({ ok: true, data: { page: 2 } });
  });
});

describe("number fields take digits only", () => {
  const escalation = ["admin/settings", "updateEscalationSettingsAction"] as [string, string];
  const suppression = ["admin/settings", "updateSuppressionSettingsAction"] as [string, string];

  it.each(["0x10", "1e2", "", " ", "+5", "12.0"])("refuses the coordinator's escalation hours %j", async (value) => {
    await expectRefused(admin, escalation, { coordinatorAfterHours: value, pccAfterHours: "200" }, "coordinatorAfterHours", /whole number of hours/);
  });

  it.each(["0x10", "0b11", "", "5e0"])("refuses the small-number threshold %j", async (value) => {
    await expectRefused(admin, suppression, { suppressionThreshold: value }, "suppressionThreshold", /whole number from 1 to 20/);
  });

  it.each(["", "0x0", "0e0"])("refuses a stage form's version %j rather than reading it as 0", async (value) => {
    await expectRefused(council, ["people/[personId]/stages/[stageId]", "changeStageAction"], { stageId: person.stage("accommodation").id, version: value, action: "start" }, "version", /Reload the page/);
  });

  it("saves digits", async () => {
    sessionUserId.mockResolvedValue(admin.id);
    const fn = await action(...escalation);
    const outcome = await outcomeOf(() => fn(initialFormState, toFormData({ coordinatorAfterHours: "16", pccAfterHours: "48" })));
    expect(outcome).toMatchObject({ redirectedTo: "/admin/settings?saved=1" });
    expect(await db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } })).toMatchObject({
      escalateToCoordinatorAfterMinutes: 16 * 60,
      escalateToPccAfterMinutes: 48 * 60,
    });
  });
});

describe("the time of rescue", () => {
  it("refuses 1000-01-01 next to the field, so no pathway escalates at once", async () => {
    const fields = rescueFormInput({ occurredAt: undefined });
    await expectRefused(police, ["rescues/new", "logRescueAction"], { ...fields, occurredAt: "1000-01-01T00:00" }, "occurredAt", "The time of rescue must be within the last 30 days");
  });

  it("refuses a rescue 31 days ago and logs one 29 days ago", async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * MINUTE);
    await expectRefused(police, ["rescues/new", "logRescueAction"], rescueFormInput({ occurredAt: daysAgo(31) }), "occurredAt", "The time of rescue must be within the last 30 days");

    sessionUserId.mockResolvedValue(police.id);
    const fn = await action("rescues/new", "logRescueAction");
    const outcome = await outcomeOf(() => fn(initialFormState, toFormData(rescueFormInput({ occurredAt: daysAgo(29) }))));
    expect(outcome).toMatchObject({ redirectedTo: expect.stringMatching(/^\/rescues\/[0-9a-f-]+\?logged=1$/) });
  });
});
