// Hostile field names sent to every server action by a signed-in user (the PCC office was enough in
// issue 9): the prototype stays clean, each call answers at once with a plain refusal, nothing is
// written, and the next ordinary request still works.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { initialFormState } from "@/lib/form-state";
import type { Actor } from "@/server/access/actor";
import { getSessionUserId } from "@/server/auth/session";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { outcomeOf, toFormData } from "../support/form-data";
import { logOnePerson } from "../support/log-person";
import { countCaseTables, createWorld, MINUTE, type World } from "../support/world";

// Only who is signed in is faked (see server-actions-auth.test.ts for why each mock is needed).
vi.mock("@/server/auth/session", () => ({ getSessionUserId: vi.fn(async (): Promise<string | null> => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/server/auth/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    handlers: {},
    auth: vi.fn(async () => null),
    signIn: vi.fn(async () => {
      throw new Error("signIn is not under test");
    }),
    signOut: vi.fn(async (options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/")),
  };
});
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

type AnyAction = (...args: unknown[]) => Promise<unknown>;

const APP_DIR = fileURLToPath(new URL("../../src/app", import.meta.url));

function findActionModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findActionModules(path);
    return entry.name === "actions.ts" ? [path] : [];
  });
}

const actions = (
  await Promise.all(
    findActionModules(APP_DIR)
      .sort()
      .map(async (path) => {
        const exports = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
        return Object.entries(exports)
          .filter(([, value]) => typeof value === "function")
          .map(([name, fn]) => ({ file: relative(APP_DIR, path), name, fn: fn as AnyAction }));
      }),
  )
).flat();
// Actions with no parameters read no form (sign out, mark all read): there is nothing to attack.
const formActions = actions.filter(({ fn }) => fn.length > 0);

const db = createPrismaClient();
const sessionUserId = vi.mocked(getSessionUserId);

let world: World;
let police: Actor;
let pcc: Actor;
let person: Awaited<ReturnType<typeof logOnePerson>>;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  world = await createWorld(db, "hostile-form");
  police = await world.actor("POLICE");
  pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
  const now = new Date();
  person = await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now });
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

/** A form the action would otherwise accept from a caseworker, so a refusal is the parser's doing. */
function realFields(actionName: string): Record<string, unknown> {
  switch (actionName) {
    case "logRescueAction":
      return rescueFormInput({ people: [personFormInput()] });
    case "changeStageAction":
      return { stageId: person.stage("accommodation").id, version: 0, action: "start" };
    case "addNoteAction":
      return { personId: person.personId, text: "Hostile test note (fictional)" };
    case "addAgencyAction":
      return { name: "Hostile Test Aid (fictional)", kind: "CHARITY" };
    case "renameAgencyAction":
      return { agencyId: world.agencies.VCAS.id, version: 0, name: "Hostile rename (fictional)" };
    case "setAgencyHoursAction":
      return { agencyId: world.agencies.VCAS.id, version: 0, hours: "office", opensAt: "09:00", closesAt: "17:00" };
    case "retireAgencyAction":
      return { agencyId: world.agencies.VCAS.id, version: 0 };
    default:
      return { personId: person.personId };
  }
}

const deepName = Array.from({ length: 20_000 }, () => "a").join(".");
const PAYLOADS: { label: string; fields: [string, string][] }[] = [
  { label: "__proto__.x", fields: [["__proto__.x", "polluted"], ["__proto__.polluted", "yes"]] },
  { label: "constructor.prototype.x", fields: [["constructor.prototype.x", "polluted"], ["constructor.prototype.polluted", "yes"]] },
  { label: "people.4294967294.name", fields: [["people.4294967294.name", "x"]] },
  { label: "20,000 levels of nesting", fields: [[deepName, "x"]] },
  { label: "50,000 fields", fields: Array.from({ length: 50_000 }, () => ["text", "x"] as [string, string]) },
];

function hostileForm(actionName: string, fields: [string, string][]): FormData {
  const form = toFormData(realFields(actionName));
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

/** Read side by side: this runs twice for each of the 500-odd calls below. */
async function everythingStored() {
  const [counts, stages, partnership, notifications, agencies] = await Promise.all([
    countCaseTables(db),
    db.stage.findMany({ where: { personId: person.personId }, orderBy: { id: "asc" } }),
    db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } }),
    db.notification.findMany({ orderBy: { id: "asc" } }),
    db.agency.findMany({ where: { partnershipId: world.partnership.id }, orderBy: { id: "asc" } }),
  ]);
  return { counts, stages, partnership, notifications, agencies };
}

function expectCleanPrototype() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const READ_FAILED = { fieldErrors: {}, formError: "This form could not be read. Reload the page and fill it in again." };

function expectedOutcome(actionName: string) {
  if (actionName === "markReadAction") return { redirectedTo: "/notifications?read=missing", digest: expect.any(String) };
  // Sign-in reads its two fields by name and ignores the rest: an ordinary "enter your email".
  if (actionName === "signInAction") return { returned: expect.objectContaining({ fieldErrors: expect.objectContaining({ email: expect.any(String) }) }) };
  // The code step reads its two fields by name too: no code typed is an ordinary "enter the code".
  if (actionName === "secondFactorAction") return { returned: { fieldErrors: { code: expect.any(String) } } };
  return { returned: READ_FAILED };
}

describe("hostile field names, sent to every server action by a signed-in user", () => {
  it("finds the actions that read a form", () => {
    expect(formActions.map((a) => a.name)).toEqual(
      expect.arrayContaining(["logRescueAction", "changeStageAction", "addNoteAction", "updateEscalationSettingsAction", "markReadAction", "signInAction", "secondFactorAction", "setPasswordAction", "confirmAuthenticatorAction", "changePasswordAction"]),
    );
    expect(actions.filter((a) => !formActions.includes(a)).map((a) => a.name).sort()).toEqual(["markAllReadAction", "signOutAction", "staySignedInAction"]);
  });

  const cases = ["pcc", "caseworker"].flatMap((who) => PAYLOADS.map((payload) => ({ who, payload })));
  describe.each(cases)("as the $who, with $payload.label", ({ who, payload }) => {
    it.each(formActions)("$name refuses it at once and writes nothing", async ({ name, fn }) => {
      sessionUserId.mockResolvedValue(who === "pcc" ? pcc.id : police.id);
      const form = hostileForm(name, payload.fields);
      const before = await everythingStored();

      const started = performance.now();
      // A plain form's action takes only the form; a useActionState one takes the previous state first.
      const outcome = await outcomeOf(() => (fn.length === 1 ? fn(form) : fn(initialFormState, form)));
      const elapsed = performance.now() - started;

      expectCleanPrototype();
      expect(outcome).toEqual(expectedOutcome(name));
      expect(elapsed).toBeLessThan(2_000);
      expect(await everythingStored()).toEqual(before);
    });
  });

  it("still serves an ordinary request afterwards", async () => {
    sessionUserId.mockResolvedValue(police.id);
    const { addNoteAction } = (await import("@/app/(app)/people/[personId]/actions")) as { addNoteAction: AnyAction };

    const outcome = await outcomeOf(() => addNoteAction(initialFormState, toFormData(realFields("addNoteAction"))));

    expect(outcome).toMatchObject({ redirectedTo: `/people/${person.personId}?note=added` });
    expect(await db.timelineEvent.count({ where: { personId: person.personId, kind: "NOTE_ADDED" } })).toBe(1);
    expectCleanPrototype();
  });
});
