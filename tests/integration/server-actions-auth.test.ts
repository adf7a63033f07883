import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { initialFormState } from "@/lib/form-state";
import type { Actor } from "@/server/access/actor";
import { signOut } from "@/server/auth/auth";
import { getSessionUserId } from "@/server/auth/session";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { actionPayloads, worldSnapshot, type ActionPayloads } from "../support/action-payloads";
import { outcomeOf, toFormData } from "../support/form-data";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, type World } from "../support/world";

// Only who is signed in is faked. Loading the actor, the use cases and the database are all real.
vi.mock("@/server/auth/session", () => import("../support/mock-session"));
// revalidatePath needs the cache context of a Next request; there is nothing to revalidate here.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// Auth.js's signIn/signOut read and write cookies through next/headers, which throws outside a Next
// request. The stub does what signOut does for the caller: end with a redirect to `redirectTo`.
// It is the session layer, not the database, so the rest of each action still runs for real.
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
// next-auth's ESM build imports "next/server" without an extension, which Node's resolver refuses
// outside Next's bundler. Only the sign-in action imports it (for AuthError), and that action is
// not called here.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

type AnyAction = (...args: unknown[]) => Promise<unknown>;

const APP_DIR = fileURLToPath(new URL("../../src/app", import.meta.url));
// The actions anyone may call: signing in (password, then code) and using an activation link, whose
// token is the only credential (tests/integration/second-factor.test.ts and activation.test.ts).
const PUBLIC_ACTION_MODULES = new Set(["sign-in/actions.ts", "sign-in/code/actions.ts", "activate/actions.ts"]);

function findActionModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findActionModules(path);
    return entry.name === "actions.ts" ? [path] : [];
  });
}

const modules = await Promise.all(
  findActionModules(APP_DIR)
    .sort()
    .map(async (path) => ({ file: relative(APP_DIR, path), exports: (await import(/* @vite-ignore */ path)) as Record<string, unknown> })),
);
const protectedActions = modules
  .filter(({ file }) => !PUBLIC_ACTION_MODULES.has(file))
  .flatMap(({ file, exports }) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value === "function")
      .map(([name, fn]) => ({ file, name, fn: fn as AnyAction })),
  );

const db = createPrismaClient();
const sessionUserId = vi.mocked(getSessionUserId);

let world: World;
let police: Actor;
let council: Actor;
let person: Awaited<ReturnType<typeof logOnePerson>>;
let payloads: ActionPayloads;

beforeAll(async () => {
  world = await createWorld(db, "actions-auth");
  police = await world.actor("POLICE");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  const now = new Date();
  person = await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now });
  payloads = await actionPayloads(db, world);
});

beforeEach(() => {
  sessionUserId.mockReset();
  sessionUserId.mockResolvedValue(null);
  vi.mocked(signOut).mockClear();
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

/** What each action's form posts, filled in with real ids; an action not listed gets an empty form. */
function plausibleForm(actionName: string): FormData {
  switch (actionName) {
    case "logRescueAction":
      return toFormData(
        rescueFormInput({ people: [personFormInput(), personFormInput({ description: "Boy, about 15 (fictional)", ageGroup: "CHILD" })] }),
      );
    case "changeStageAction":
      return toFormData({ stageId: person.stage("accommodation").id, version: 0, action: "complete", text: "Placed in a refuge" });
    case "addNoteAction":
      return toFormData({ personId: person.personId, text: "Spoke to the person (fictional)" });
    default:
      throw new Error(`No plausible form for ${actionName}`);
  }
}

async function everythingCaseworkersSee() {
  return worldSnapshot(db, world);
}

describe("server actions, called by someone who is not signed in", () => {
  it("finds every action module, including the ones this file knows how to fill in", () => {
    expect(modules.map((m) => m.file)).toEqual(
      expect.arrayContaining([
        "(app)/people/[personId]/actions.ts",
        "(app)/rescues/new/actions.ts",
        "(app)/sign-out/actions.ts",
        "sign-in/actions.ts",
      ]),
    );
    expect(protectedActions.map((a) => a.name)).toEqual(
      expect.arrayContaining(["changeStageAction", "addNoteAction", "logRescueAction", "signOutAction"]),
    );
  });

  it("leaves only sign-in's two steps and the activation link's two steps public", () => {
    // Left out of the refusal loop on purpose (PUBLIC_ACTION_MODULES): an anonymous caller is meant to sign in.
    const exportsOf = (file: string) => Object.keys(modules.find((m) => m.file === file)?.exports ?? {}).sort();
    expect(exportsOf("sign-in/actions.ts")).toEqual(["signInAction"]);
    expect(exportsOf("sign-in/code/actions.ts")).toEqual(["secondFactorAction"]);
    expect(exportsOf("activate/actions.ts")).toEqual(["confirmAuthenticatorAction", "setPasswordAction"]);
  });

  it("has a valid payload for every protected action, so the refusals below are tested with real requests", () => {
    expect(protectedActions.map((a) => a.name).filter((name) => !(name in payloads))).toEqual([]);
  });

  it.each(protectedActions)("$name sends them to sign in and changes nothing, though the same call signed in does", async ({ name, fn }) => {
    const prepared = await payloads[name]!();
    const before = await everythingCaseworkersSee();

    const outcome = await outcomeOf(() => prepared.call(fn));

    expect(outcome).toEqual({ redirectedTo: "/sign-in", digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(await everythingCaseworkersSee()).toEqual(before);
    expect(sessionUserId).toHaveBeenCalled();

    // Positive control: the very same call by the user allowed to make it changes something.
    sessionUserId.mockResolvedValue(prepared.actor.id);
    const allowed = await outcomeOf(() => prepared.call(fn));
    expect(allowed).not.toHaveProperty("threw");
    if (prepared.readOnly) {
      expect(allowed).toEqual({ returned: prepared.readOnly.returns });
      return;
    }
    if ("returned" in allowed && allowed.returned) {
      expect(allowed.returned).toMatchObject({ fieldErrors: {} });
      expect(allowed.returned).not.toHaveProperty("formError");
    }
    expect(await everythingCaseworkersSee()).not.toEqual(before);
  });

  it("signs an anonymous caller out without writing an audit row", async () => {
    const before = await db.auditEvent.count();
    const { signOutAction } = (await import("@/app/(app)/sign-out/actions")) as { signOutAction: AnyAction };

    expect(await outcomeOf(() => signOutAction())).toMatchObject({ redirectedTo: "/sign-in" });

    expect(vi.mocked(signOut)).toHaveBeenCalledWith({ redirectTo: "/sign-in" });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("treats a switched-off account as signed out", async () => {
    await db.user.update({ where: { id: council.id }, data: { active: false } });
    try {
      sessionUserId.mockResolvedValue(council.id);
      const { changeStageAction } = (await import("@/app/(app)/people/[personId]/stages/[stageId]/actions")) as { changeStageAction: AnyAction };
      const before = await everythingCaseworkersSee();

      const outcome = await outcomeOf(() => changeStageAction(initialFormState, plausibleForm("changeStageAction")));

      expect(outcome).toMatchObject({ redirectedTo: "/sign-in" });
      expect(await everythingCaseworkersSee()).toEqual(before);
    } finally {
      await db.user.update({ where: { id: council.id }, data: { active: true } });
    }
  });
});

// Positive controls: the same calls with someone signed in do get through, so the refusals above
// are the auth check at work and not a broken fixture.
describe("server actions, called by a signed-in caseworker", () => {
  it("logs a rescue and redirects to it", async () => {
    sessionUserId.mockResolvedValue(police.id);
    const { logRescueAction } = (await import("@/app/(app)/rescues/new/actions")) as { logRescueAction: AnyAction };
    const form = plausibleForm("logRescueAction");

    const outcome = await outcomeOf(() => logRescueAction(initialFormState, form));

    const rescue = await db.rescue.findUniqueOrThrow({
      where: { idempotencyKey: String(form.get("idempotencyKey")) },
      include: { people: true },
    });
    expect(outcome).toEqual({ redirectedTo: `/rescues/${rescue.id}?logged=1`, digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(rescue).toMatchObject({ loggedById: police.id, place: "Middlesbrough" });
    expect(rescue.people.map((p) => p.ageGroup).sort()).toEqual(["ADULT", "CHILD"]);
  });

  it("changes a stage the user's agency owns", async () => {
    sessionUserId.mockResolvedValue(council.id);
    const { changeStageAction } = (await import("@/app/(app)/people/[personId]/stages/[stageId]/actions")) as { changeStageAction: AnyAction };
    const stageId = person.stage("accommodation").id;

    const outcome = await outcomeOf(() => changeStageAction(initialFormState, plausibleForm("changeStageAction")));

    expect(outcome).toMatchObject({ redirectedTo: `/people/${person.personId}?changed=${stageId}` });
    expect(await db.stage.findUniqueOrThrow({ where: { id: stageId } })).toMatchObject({ state: "DONE", version: 1 });
  });

  it("adds a note", async () => {
    sessionUserId.mockResolvedValue(police.id);
    const { addNoteAction } = (await import("@/app/(app)/people/[personId]/actions")) as { addNoteAction: AnyAction };

    const outcome = await outcomeOf(() => addNoteAction(initialFormState, plausibleForm("addNoteAction")));

    expect(outcome).toMatchObject({ redirectedTo: `/people/${person.personId}?note=added` });
    expect(await db.timelineEvent.findMany({ where: { personId: person.personId, kind: "NOTE_ADDED" } })).toEqual([
      expect.objectContaining({ text: "Spoke to the person (fictional)", actorId: police.id }),
    ]);
  });

  it("signs out and audits it", async () => {
    sessionUserId.mockResolvedValue(police.id);
    const { signOutAction } = (await import("@/app/(app)/sign-out/actions")) as { signOutAction: AnyAction };

    expect(await outcomeOf(() => signOutAction())).toMatchObject({ redirectedTo: "/sign-in" });

    expect(await db.auditEvent.findMany({ where: { userId: police.id, action: "auth.sign_out" } })).toEqual([
      expect.objectContaining({ entity: "User", entityId: police.id, role: "CASEWORKER", outcome: "allowed" }),
    ]);
  });
});

