// The access matrix: every server action and route handler in src/app, called by every role, against
// a record of the caller's own agency, a record owned by another agency, and a record the caller
// cannot see at all (another partnership). Each cell states what must happen; anything else fails,
// and a refusal must say which rule refused. A new action or route handler fails the first test until
// it is added here.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { bulkSelectionValue } from "../../src/domain/queue/bulk-selection";
import type { RefusalCode } from "../../src/domain/result";
import type { AgencyKind, Role } from "../../src/domain/types";
import { initialFormState } from "@/lib/form-state";
import type { Actor } from "@/server/access/actor";
import { getSessionUserId } from "@/server/auth/session";
import { openBreakGlass } from "@/server/break-glass/open-break-glass";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { notify } from "@/server/notifications/notify";
import { answerReferral } from "@/server/referrals/answer-referral";
import { referStage } from "@/server/referrals/refer-stage";
import { logRescue } from "@/server/rescues/log-rescue";
import { closeCase } from "@/server/cases/close-case";
import { decidePossibleMatch } from "@/server/possible-matches/decide-possible-match";
import { toLondonInputValue } from "@/domain/time/london";
import { outcomeOf, toFormData, type ActionOutcome } from "../support/form-data";
import { recordConsent } from "@/server/nrm/record-consent";
import { recordNrmReferral } from "@/server/nrm/record-nrm-referral";
import { consentForm, dutyToNotifyForm, negativeRg, referralForm, referred, rescueDay, sharingBasisForm } from "../support/nrm-forms";
import { logOnePerson } from "../support/log-person";
import { changedPathwayForm, unusedEarlierVersion } from "../support/pathway-form";
import { createWorld, MINUTE, type World } from "../support/world";

// Only who is signed in is faked (see server-actions-auth.test.ts for why each mock is needed).
vi.mock("@/server/auth/session", () => import("../support/mock-session"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/server/auth/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    handlers: { GET: vi.fn(), POST: vi.fn() },
    auth: vi.fn(async () => null),
    signIn: vi.fn(async () => {
      throw new Error("signIn is not under test");
    }),
    signOut: vi.fn(async (options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/")),
  };
});
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

type AnyFn = (...args: unknown[]) => Promise<unknown>;

const APP_DIR = fileURLToPath(new URL("../../src/app", import.meta.url));

function findFiles(dir: string, names: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(path, names);
    return names.includes(entry.name) ? [path] : [];
  });
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const endpoints = (
  await Promise.all(
    findFiles(APP_DIR, ["actions.ts", "route.ts"])
      .sort()
      .map(async (path) => {
        const file = relative(APP_DIR, path);
        const exports = (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
        return Object.entries(exports)
          .filter(([name, value]) => typeof value === "function" && (file.endsWith("actions.ts") || HTTP_METHODS.includes(name)))
          .map(([name, fn]) => ({ key: `${file}#${name}`, fn: fn as AnyFn }));
      }),
  )
).flat();

/** Endpoints anyone may call, and why; they are not in the matrix. */
const PUBLIC: Record<string, string> = {
  "sign-in/actions.ts#signInAction": "signing in is how an anonymous caller gets an identity",
  "sign-in/code/actions.ts#secondFactorAction": "sign-in's second step, for whoever holds a challenge from a right password",
  "activate/actions.ts#setPasswordAction": "an activation or reset link's token is the only credential its holder has",
  "activate/actions.ts#confirmAuthenticatorAction": "an activation or reset link's token is the only credential its holder has",
  "activate/[token]/route.ts#GET": "moves an activation link's token into a cookie; reads nothing",
  "api/auth/[...nextauth]/route.ts#GET": "Auth.js's own session and CSRF endpoints",
  "api/auth/[...nextauth]/route.ts#POST": "Auth.js's own sign-in and sign-out endpoints",
};

type Target = "own" | "otherAgency" | "hidden";
type Expected = "allowed" | "forbidden" | "not-found" | "refused";
type Caller = "caseworker" | "lead" | "coordinator" | "pcc" | "admin";
const CALLERS: { caller: Caller; kind: AgencyKind; role: Role }[] = [
  { caller: "caseworker", kind: "COUNCIL_SAFEGUARDING", role: "CASEWORKER" },
  { caller: "lead", kind: "COUNCIL_SAFEGUARDING", role: "AGENCY_LEAD" },
  { caller: "coordinator", kind: "PARTNERSHIP", role: "COORDINATOR" },
  { caller: "pcc", kind: "PCC_OFFICE", role: "PCC_OFFICE" },
  { caller: "admin", kind: "PARTNERSHIP", role: "ADMINISTRATOR" },
];

const db = createPrismaClient();
const sessionUserId = vi.mocked(getSessionUserId);
const T0 = new Date(Date.now() - 30 * MINUTE);

let home: World;
let away: World;
const callers = new Map<Caller, Actor>();
const awayActors = new Map<string, Actor>();
let homePolice: Actor;
let homeHealth: Actor;
let homeColleague: Actor;

async function awayActor(kind: AgencyKind, role: Role = "CASEWORKER"): Promise<Actor> {
  const key = `${kind}:${role}`;
  if (!awayActors.has(key)) awayActors.set(key, await away.actor(kind, role));
  return awayActors.get(key)!;
}

/** A fresh person for each cell, logged by police: in the caller's partnership, or in the other one. */
async function freshPerson(where: "home" | "away") {
  const logger = where === "home" ? homePolice : await awayActor("POLICE");
  return logOnePerson(db, logger, { t0: T0, now: new Date(T0.getTime() + 5 * MINUTE), person: { interpreterNeeded: "no" } });
}

/** A referral of a police-owned stage to council (the caller's agency), or to health (another agency). */
async function freshReferral(where: "home" | "away", to: "council" | "health") {
  const person = await freshPerson(where);
  const world = where === "home" ? home : away;
  const police = where === "home" ? homePolice : await awayActor("POLICE");
  const target = to === "council" ? world.agencies.COUNCIL_SAFEGUARDING! : world.agencies.HEALTH!;
  const result = await referStage(db, police, { stageId: person.stage("immediate-safety").id, toAgencyId: target.id });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.referralId;
}

/** A break-glass access made by a coordinator of that partnership, for an administrator to review. */
async function freshBreakGlass(where: "home" | "away") {
  const person = await freshPerson(where);
  const coordinator = where === "home" ? callers.get("coordinator")! : await awayActor("PARTNERSHIP", "COORDINATOR");
  const result = await openBreakGlass(db, coordinator, { personId: person.personId, reason: "Police asked to confirm identity for a welfare check" });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (await db.breakGlassAccess.findFirstOrThrow({ where: { personId: person.personId }, select: { id: true } })).id;
}

/** A possible earlier rescue to decide: two people of one name and nationality logged by police, in that partnership. */
async function freshPossibleMatch(where: "home" | "away") {
  const logger = where === "home" ? homePolice : await awayActor("POLICE");
  const person = { interpreterNeeded: "no", name: `Matrix Matchfictional ${crypto.randomUUID().slice(0, 8)}`, nationality: "Romanian" };
  await logOnePerson(db, logger, { t0: T0, now: new Date(T0.getTime() + 5 * MINUTE), person });
  const later = await logOnePerson(db, logger, { t0: T0, now: new Date(T0.getTime() + 5 * MINUTE), person });
  return (await db.possibleMatch.findFirstOrThrow({ where: { personId: later.personId }, select: { id: true } })).id;
}

/** The same, decided "same person" by that partnership's coordinator (version 1): a decision to undo. */
async function freshDecidedMatch(where: "home" | "away") {
  const matchId = await freshPossibleMatch(where);
  const coordinator = where === "home" ? callers.get("coordinator")! : await awayActor("PARTNERSHIP", "COORDINATOR");
  const decided = await decidePossibleMatch(db, coordinator, { matchId, version: "0", decision: "SAME_PERSON", note: "Same date of birth on both records (fictional)" });
  if (!decided.ok) throw new Error(JSON.stringify(decided));
  return matchId;
}

async function freshNotification(recipient: Actor) {
  const key = `matrix:${crypto.randomUUID()}`;
  await notify(db, [recipient.id], { kind: "STAGE_OVERDUE", title: "Test notice", body: "A fictional notice", href: null, dedupeKey: key });
  return (await db.notification.findUniqueOrThrow({ where: { dedupeKey: `${key}:${recipient.id}` } })).id;
}

type Spec = {
  /** What the endpoint is called with, for this caller and target. */
  call: (fn: AnyFn, target: Target, actor: Actor) => Promise<unknown>;
  targets: Target[];
  expected: Record<Caller, Partial<Record<Target, Expected>>>;
  /** The code of a business-rule refusal ("refused" cells). */
  refusedCode?: RefusalCode;
  /** How a redirect or status reads, for endpoints that do not return form state. */
  classify?: (outcome: ActionOutcome) => Expected | null;
};

const form = (values: Record<string, unknown>) => toFormData(values);
const withForm = (build: (target: Target, actor: Actor) => Promise<Record<string, unknown>>) => async (fn: AnyFn, target: Target, actor: Actor) =>
  fn(initialFormState, form(await build(target, actor)));

const CASEWORK_ONLY = (cells: Partial<Record<Target, Expected>>, leadCells = cells): Spec["expected"] => ({
  caseworker: cells,
  lead: leadCells,
  coordinator: { own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" },
  pcc: { own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" },
  admin: { own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" },
});

/** Administrators only; another partnership's record is not found for them. */
const ADMIN_ONLY = (adminCells: Partial<Record<Target, Expected>>): Spec["expected"] => {
  const forbidden = Object.fromEntries(Object.keys(adminCells).map((target) => [target, "forbidden"])) as Partial<Record<Target, Expected>>;
  return { caseworker: forbidden, lead: forbidden, coordinator: forbidden, pcc: forbidden, admin: adminCells };
};

/** A fresh charity in the caller's partnership, or in the other one. */
async function freshAgency(target: Target) {
  return (target === "hidden" ? away : home).addAgency("CHARITY", `Matrix Charity ${crypto.randomUUID().slice(0, 8)}`);
}

const OWNED_STAGE = { own: "allowed", otherAgency: "refused", hidden: "not-found" } as const;

/** A stage council owns (accommodation), one police owns on a person council sees, or one council cannot see. */
async function stageFor(target: Target) {
  const person = await freshPerson(target === "hidden" ? "away" : "home");
  return person.stage(target === "otherAgency" ? "immediate-safety" : "accommodation");
}

/** A fresh staff account to act on: a caseworker in the caller's partnership, or in the other one. */
async function freshAccount(target: Target, options: { activated?: boolean } = {}) {
  const world = target === "hidden" ? away : home;
  const user = await db.user.create({
    data: {
      agencyId: world.agencies.POLICE!.id,
      role: "CASEWORKER",
      email: `matrix-${crypto.randomUUID()}@test.example`,
      name: "Matrix Test Account",
      passwordHash: options.activated === false ? null : "scrypt$not-a-real-hash",
    },
  });
  return { userId: user.id, version: user.version };
}

/**
 * A person for each target: in the caller's partnership and worked on by council (the caller's agency),
 * in the caller's partnership with none of its stages council's (another agency's case), or in the other
 * partnership. `closed` closes it first, by the coordinator of its partnership.
 */
async function personFor(target: Target, { closed = false } = {}) {
  const person = await freshPerson(target === "hidden" ? "away" : "home");
  if (target === "otherAgency") {
    await db.stage.updateMany({ where: { personId: person.personId, ownerAgencyId: home.agencies.COUNCIL_SAFEGUARDING!.id }, data: { ownerAgencyId: home.agencies.VCAS!.id } });
  }
  if (closed) {
    const coordinator = target === "hidden" ? await awayActor("PARTNERSHIP", "COORDINATOR") : callers.get("coordinator")!;
    const result = await closeCase(db, coordinator, { personId: person.personId, caseVersion: "0", reason: "DISENGAGED", note: "Stopped answering (fictional)" });
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  return person.personId;
}

const CASE_CLOSING: Spec["expected"] = {
  // Caseworkers do not close cases; a lead closes those of people their agency works with, the coordinator any in the partnership.
  caseworker: { own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" },
  lead: { own: "allowed", otherAgency: "not-found", hidden: "not-found" },
  coordinator: { own: "allowed", otherAgency: "allowed", hidden: "not-found" },
  pcc: { own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" },
  admin: { own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" },
};

const SPECS: Record<string, Spec> = {
  "(app)/people/[personId]/actions.ts#recordContactAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({ personId: await personFor(target), occurredAt: toLondonInputValue(new Date()), method: "PHONE", outcome: "MADE" })),
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "not-found", hidden: "not-found" }),
  },
  "(app)/cases/[personId]/close/actions.ts#closeCaseAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({ personId: await personFor(target), caseVersion: 0, reason: "MISSING", note: "Not seen since Tuesday (fictional)" })),
    expected: CASE_CLOSING,
  },
  "(app)/cases/[personId]/reopen/actions.ts#reopenCaseAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({ personId: await personFor(target, { closed: true }), caseVersion: 1, reason: "Back in touch (fictional)" })),
    expected: CASE_CLOSING,
  },
  "(app)/admin/settings/actions.ts#updateContactGapSettingsAction": {
    // Like the other settings: only the caller's own partnership's value can be changed.
    targets: ["own"],
    call: withForm(async () => ({ contactGapHours: "48" })),
    expected: ADMIN_ONLY({ own: "allowed" }),
  },
  "(app)/people/[personId]/chronology/pdf/route.ts#GET": {
    targets: ["own", "otherAgency", "hidden"],
    call: async (fn, target) => {
      const personId = await personFor(target);
      const response = (await fn(new Request(`http://127.0.0.1/people/${personId}/chronology/pdf`), { params: Promise.resolve({ personId }) })) as Response;
      return { status: response.status, type: response.headers.get("content-type"), cache: response.headers.get("cache-control") };
    },
    // A role with no chronology gets the same 404 as a person outside the view: a refusal never confirms the person exists.
    expected: {
      caseworker: { own: "allowed", otherAgency: "not-found", hidden: "not-found" },
      lead: { own: "allowed", otherAgency: "not-found", hidden: "not-found" },
      coordinator: { own: "not-found", otherAgency: "not-found", hidden: "not-found" },
      pcc: { own: "not-found", otherAgency: "not-found", hidden: "not-found" },
      admin: { own: "not-found", otherAgency: "not-found", hidden: "not-found" },
    },
    classify: (outcome) => {
      const returned = "returned" in outcome ? (outcome.returned as { status?: number; type?: string; cache?: string }) : undefined;
      if (returned?.cache !== "no-store") return null;
      if (returned.status === 200 && returned.type === "application/pdf") return "allowed";
      return returned.status === 404 ? "not-found" : null;
    },
  },
  "(app)/admin/users/new/actions.ts#createUserAction": {
    // New accounts go into the caller's own partnership: there is no other to aim at.
    targets: ["own"],
    call: withForm(async () => ({ name: "Matrix New Caseworker", email: `new-${crypto.randomUUID()}@test.example`, role: "CASEWORKER", agencyId: home.agencies.POLICE!.id })),
    expected: ADMIN_ONLY({ own: "allowed" }),
  },
  "(app)/admin/users/[userId]/actions.ts#switchUserActiveAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({ ...(await freshAccount(target)), active: "off" })),
    expected: ADMIN_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/admin/users/[userId]/actions.ts#changeUserAccessAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      // The other agency's cell is the caller's own account: an administrator may not demote themselves.
      if (target === "otherAgency") {
        const self = await db.user.findUniqueOrThrow({ where: { id: callers.get("admin")!.id } });
        return { userId: self.id, version: self.version, role: "COORDINATOR", agencyId: self.agencyId };
      }
      const world = target === "hidden" ? away : home;
      return { ...(await freshAccount(target)), role: "AGENCY_LEAD", agencyId: world.agencies.POLICE!.id };
    }),
    expected: ADMIN_ONLY({ own: "allowed", otherAgency: "refused", hidden: "not-found" }),
    refusedCode: "own-account",
  },
  "(app)/admin/users/[userId]/actions.ts#resetPasswordAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => freshAccount(target)),
    expected: ADMIN_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/admin/users/[userId]/actions.ts#resetSecondFactorAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => freshAccount(target)),
    expected: ADMIN_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/admin/users/[userId]/actions.ts#reissueActivationLinkAction": {
    targets: ["own", "otherAgency", "hidden"],
    // The other agency's cell: an account already activated, which gets a reset instead.
    call: withForm(async (target) => freshAccount(target === "otherAgency" ? "own" : target, { activated: target === "otherAgency" })),
    expected: ADMIN_ONLY({ own: "allowed", otherAgency: "refused", hidden: "not-found" }),
    refusedCode: "already-activated",
  },
  "(app)/people/[personId]/stages/[stageId]/actions.ts#changeStageAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({ stageId: (await stageFor(target)).id, version: 0, action: "start" })),
    expected: CASEWORK_ONLY(OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/people/[personId]/actions.ts#addNoteAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({ personId: (await freshPerson(target === "hidden" ? "away" : "home")).personId, text: "A fictional note", sensitivity: "GENERAL" })),
    expected: CASEWORK_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/people/[personId]/details/actions.ts#correctPersonDetailsAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({
      personId: (await freshPerson(target === "hidden" ? "away" : "home")).personId,
      version: 0,
      name: "Matrix Corrected Name (fictional)",
      description: "",
      gender: "FEMALE",
      nationalityCode: "Romanian",
      languages: "Romanian",
      interpreterNeeded: "no",
    })),
    expected: CASEWORK_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/people/[personId]/age/actions.ts#recordAgeAssessmentAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      // The "other" cell is a closed case: its pathway no longer changes, whoever asks.
      if (target === "otherAgency") await db.person.update({ where: { id: person.personId }, data: { closedAt: new Date() } });
      return { personId: person.personId, outcome: "CHILD", assessedOn: new Date().toISOString().slice(0, 10), assessedBy: "Matrix council social worker", mertonCompliant: "yes" };
    }),
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "refused", hidden: "not-found" }),
    refusedCode: "case-closed",
  },
  "(app)/people/[personId]/safety/actions.ts#setSafetyFlagsAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({
      personId: (await freshPerson(target === "hidden" ? "away" : "home")).personId,
      version: 0,
      risks: "reTraffickingRisk",
      neverContact: "No letters (fictional)",
    })),
    expected: CASEWORK_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/people/[personId]/actions.ts#linkDependantAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const logger = target === "hidden" ? await awayActor("POLICE") : homePolice;
      const people = [personFormInput(), personFormInput({ description: "Boy, about 8 (fictional)", ageGroup: "CHILD" })];
      const logged = await logRescue(db, logger, rescueFormInput({ occurredAt: T0, people }), new Date(T0.getTime() + 5 * MINUTE));
      if (!logged.ok) throw new Error(JSON.stringify(logged));
      const rows = await db.person.findMany({ where: { rescueId: logged.data.rescueId }, select: { id: true, ageGroup: true } });
      const child = rows.find((row) => row.ageGroup === "CHILD")!;
      const parent = rows.find((row) => row.ageGroup === "ADULT")!;
      // The "other" cell asks for an adult to be linked as the child: refused whoever owns what.
      return target === "otherAgency" ? { personId: parent.id, parentPersonId: child.id } : { personId: child.id, parentPersonId: parent.id };
    }),
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "refused", hidden: "not-found" }),
    refusedCode: "invalid-input",
  },
  "(app)/people/[personId]/actions.ts#unlinkDependantAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const logger = target === "hidden" ? await awayActor("POLICE") : homePolice;
      // The "other" cell is a child never linked: nothing to unlink, whoever asks.
      const people = [personFormInput(), personFormInput({ description: "Girl, about 7 (fictional)", ageGroup: "CHILD", childOf: target === "otherAgency" ? "" : "1" })];
      const logged = await logRescue(db, logger, rescueFormInput({ occurredAt: T0, people }), new Date(T0.getTime() + 5 * MINUTE));
      if (!logged.ok) throw new Error(JSON.stringify(logged));
      const child = await db.person.findFirstOrThrow({ where: { rescueId: logged.data.rescueId, ageGroup: "CHILD" }, select: { id: true } });
      return { personId: child.id, reason: "Linked in error (fictional)" };
    }),
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "refused", hidden: "not-found" }),
    refusedCode: "no-change",
  },
  "(app)/people/[personId]/accommodation/actions.ts#recordAccommodationAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      if (target === "otherAgency") {
        // Council hands accommodation to the Salvation Army, who accept: now it is theirs to record.
        const council = await home.actor("COUNCIL_SAFEGUARDING");
        const referred = await referStage(db, council, { stageId: person.stage("accommodation").id, toAgencyId: home.agencies.SALVATION_ARMY!.id });
        if (!referred.ok) throw new Error(JSON.stringify(referred));
        const army = await home.actor("SALVATION_ARMY");
        const accepted = await answerReferral(db, army, { referralId: referred.data.referralId, decision: "accept" });
        if (!accepted.ok) throw new Error(JSON.stringify(accepted));
      }
      return { personId: person.personId, address: "Flat 0, 1 Matrix Test Row, Nowhere" };
    }),
    expected: CASEWORK_ONLY(OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/people/[personId]/consent/actions.ts#recordConsentAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => consentForm(db, (await freshPerson(target === "hidden" ? "away" : "home")).personId)),
    expected: CASEWORK_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/people/[personId]/consent/actions.ts#withdrawConsentAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      const recorded = await recordConsent(db, target === "hidden" ? await awayActor("POLICE") : homePolice, await consentForm(db, person.personId));
      if (!recorded.ok) throw new Error(JSON.stringify(recorded));
      const consent = await db.consent.findFirstOrThrow({ where: { personId: person.personId } });
      return { consentId: consent.id, withdrawnOn: await rescueDay(db, person.personId) };
    }),
    expected: CASEWORK_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/people/[personId]/consent/actions.ts#recordSharingBasisAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      return sharingBasisForm(db, person.personId, (target === "hidden" ? away : home).agencies.HEALTH!.id);
    }),
    expected: CASEWORK_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/people/[personId]/nrm/actions.ts#recordNrmReferralAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      const police = target === "hidden" ? await awayActor("POLICE") : homePolice;
      const recorded = await recordConsent(db, police, await consentForm(db, person.personId));
      if (!recorded.ok) throw new Error(JSON.stringify(recorded));
      // The other agency's cell: police referred the person already.
      if (target === "otherAgency") await recordNrmReferral(db, police, await referralForm(db, person.personId));
      return referralForm(db, person.personId);
    }),
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "refused", hidden: "not-found" }),
    refusedCode: "already-referred",
  },
  "(app)/people/[personId]/nrm/actions.ts#recordNrmDecisionAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      const police = target === "hidden" ? await awayActor("POLICE") : homePolice;
      // Own: council (the caller's agency) submitted the referral; other: police did.
      const submitter = target === "own" ? homeColleague : target === "otherAgency" ? homePolice : await awayActor("COUNCIL_SAFEGUARDING");
      await referred(db, police, submitter, person.personId);
      return { personId: person.personId, decision: "REASONABLE_GROUNDS", outcome: "POSITIVE", decidedOn: await rescueDay(db, person.personId) };
    }),
    expected: CASEWORK_ONLY(OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/people/[personId]/nrm/actions.ts#requestNrmReconsiderationAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      const police = target === "hidden" ? await awayActor("POLICE") : homePolice;
      const submitter = target === "own" ? homeColleague : target === "otherAgency" ? homePolice : await awayActor("COUNCIL_SAFEGUARDING");
      await referred(db, police, submitter, person.personId);
      await negativeRg(db, submitter, person.personId);
      return { personId: person.personId, decision: "REASONABLE_GROUNDS", requestedOn: await rescueDay(db, person.personId) };
    }),
    expected: CASEWORK_ONLY(OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/people/[personId]/duty-to-notify/actions.ts#recordDutyToNotifyAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      const police = target === "hidden" ? await awayActor("POLICE") : homePolice;
      // The other agency's cell: a person who consented to the NRM, so nothing is due.
      const recorded = await recordConsent(db, police, await consentForm(db, person.personId, { decision: target === "otherAgency" ? "GIVEN" : "REFUSED" }));
      if (!recorded.ok) throw new Error(JSON.stringify(recorded));
      return dutyToNotifyForm(db, person.personId);
    }),
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "refused", hidden: "not-found" }),
    refusedCode: "duty-to-notify-not-due",
  },
  "(app)/people/[personId]/stages/[stageId]/actions.ts#referStageAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      const stage = await stageFor(target);
      const world = target === "hidden" ? away : home;
      return { stageId: stage.id, toAgencyId: world.agencies.SALVATION_ARMY!.id };
    }),
    expected: CASEWORK_ONLY(OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/people/[personId]/stages/[stageId]/actions.ts#withdrawReferralAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => {
      if (target === "otherAgency") return { referralId: await freshReferral("home", "health") };
      const person = await freshPerson(target === "hidden" ? "away" : "home");
      const world = target === "hidden" ? away : home;
      const council = target === "hidden" ? await awayActor("COUNCIL_SAFEGUARDING") : await home.actor("COUNCIL_SAFEGUARDING");
      const referred = await referStage(db, council, { stageId: person.stage("accommodation").id, toAgencyId: world.agencies.SALVATION_ARMY!.id });
      if (!referred.ok) throw new Error(JSON.stringify(referred));
      return { referralId: referred.data.referralId };
    }),
    // Another agency's referral reads as not found, like one in another partnership.
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "not-found", hidden: "not-found" }),
  },
  "(app)/queue/actions.ts#claimStageAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({ stageId: (await stageFor(target)).id })),
    expected: CASEWORK_ONLY(OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/queue/actions.ts#assignStageAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({ stageId: (await stageFor(target)).id, assigneeId: homeColleague.id })),
    expected: CASEWORK_ONLY({ own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" }, OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/queue/actions.ts#assignSelectedStagesAction": {
    // One ticked stage: the caller's agency's own, another agency's on a person it sees, or one it cannot see.
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({ stages: [bulkSelectionValue((await stageFor(target)).id, null)], assigneeId: homeColleague.id })),
    expected: CASEWORK_ONLY({ own: "forbidden", otherAgency: "forbidden", hidden: "forbidden" }, OWNED_STAGE),
    refusedCode: "not-owner",
  },
  "(app)/referrals/[referralId]/actions.ts#answerReferralAction": {
    targets: ["own", "otherAgency", "hidden"],
    call: withForm(async (target) => ({
      referralId: await freshReferral(target === "hidden" ? "away" : "home", target === "otherAgency" ? "health" : "council"),
      decision: "decline",
      reason: "No capacity tonight (fictional)",
    })),
    // A referral to another agency is not the caller's to answer: it reads as not found.
    expected: CASEWORK_ONLY({ own: "allowed", otherAgency: "not-found", hidden: "not-found" }),
  },
  "(app)/rescues/new/actions.ts#logRescueAction": {
    targets: ["own"],
    call: withForm(async () => rescueFormInput({ people: [personFormInput()] })),
    expected: CASEWORK_ONLY({ own: "allowed" }),
  },
  "(app)/cases/[personId]/actions.ts#breakGlassAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({
      personId: (await freshPerson(target === "hidden" ? "away" : "home")).personId,
      reason: "Police asked to confirm identity for a welfare check",
    })),
    expected: {
      caseworker: { own: "forbidden", hidden: "forbidden" },
      lead: { own: "forbidden", hidden: "forbidden" },
      coordinator: { own: "allowed", hidden: "not-found" },
      pcc: { own: "forbidden", hidden: "forbidden" },
      admin: { own: "forbidden", hidden: "forbidden" },
    },
  },
  "(app)/possible-matches/[matchId]/actions.ts#decidePossibleMatchAction": {
    // The coordinator only, and only their own partnership's matches.
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({
      matchId: await freshPossibleMatch(target === "hidden" ? "away" : "home"),
      version: 0,
      decision: "SAME_PERSON",
      note: "Same date of birth on both records (fictional)",
    })),
    expected: {
      caseworker: { own: "forbidden", hidden: "forbidden" },
      lead: { own: "forbidden", hidden: "forbidden" },
      coordinator: { own: "allowed", hidden: "not-found" },
      pcc: { own: "forbidden", hidden: "forbidden" },
      admin: { own: "forbidden", hidden: "forbidden" },
    },
  },
  "(app)/possible-matches/[matchId]/actions.ts#undoPossibleMatchDecisionAction": {
    // The coordinator only (possible_match.undo), and only their own partnership's matches; every other role is refused by its rule.
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({
      matchId: await freshDecidedMatch(target === "hidden" ? "away" : "home"),
      version: 1,
      reason: "The dates of birth were typed from the wrong record (fictional)",
    })),
    expected: {
      caseworker: { own: "forbidden", hidden: "forbidden" },
      lead: { own: "forbidden", hidden: "forbidden" },
      coordinator: { own: "allowed", hidden: "not-found" },
      pcc: { own: "forbidden", hidden: "forbidden" },
      admin: { own: "forbidden", hidden: "forbidden" },
    },
  },
  "(app)/admin/break-glass/[accessId]/actions.ts#reviewBreakGlassAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({ accessId: await freshBreakGlass(target === "hidden" ? "away" : "home"), note: "Checked with the coordinator" })),
    expected: {
      caseworker: { own: "forbidden", hidden: "forbidden" },
      lead: { own: "forbidden", hidden: "forbidden" },
      coordinator: { own: "forbidden", hidden: "forbidden" },
      pcc: { own: "forbidden", hidden: "forbidden" },
      admin: { own: "allowed", hidden: "not-found" },
    },
  },
  "(app)/admin/settings/actions.ts#updateEscalationSettingsAction": {
    // Settings belong to the caller's own partnership: there is no other record to aim at.
    targets: ["own"],
    call: withForm(async () => ({ coordinatorAfterHours: "4", pccAfterHours: "24" })),
    expected: {
      caseworker: { own: "forbidden" },
      lead: { own: "forbidden" },
      coordinator: { own: "forbidden" },
      pcc: { own: "forbidden" },
      admin: { own: "allowed" },
    },
  },
  "(app)/admin/settings/actions.ts#updateSuppressionSettingsAction": {
    // Like the escalation settings: only the caller's own partnership's threshold can be changed.
    targets: ["own"],
    call: withForm(async () => ({ suppressionThreshold: "4" })),
    expected: {
      caseworker: { own: "forbidden" },
      lead: { own: "forbidden" },
      coordinator: { own: "forbidden" },
      pcc: { own: "forbidden" },
      admin: { own: "allowed" },
    },
  },
  "(app)/admin/settings/actions.ts#updateIdleTimeoutSettingsAction": {
    // Like the escalation settings: only the caller's own partnership's timeout can be changed.
    targets: ["own"],
    call: withForm(async () => ({ idleTimeoutMinutes: "30" })),
    expected: {
      caseworker: { own: "forbidden" },
      lead: { own: "forbidden" },
      coordinator: { own: "forbidden" },
      pcc: { own: "forbidden" },
      admin: { own: "allowed" },
    },
  },
  "(app)/admin/pathway/actions.ts#publishPathwayAction": {
    // The pathway belongs to the caller's own partnership: there is no other record to aim at.
    targets: ["own"],
    call: withForm(async () => changedPathwayForm(db, callers.get("admin")!)),
    expected: {
      caseworker: { own: "forbidden" },
      lead: { own: "forbidden" },
      coordinator: { own: "forbidden" },
      pcc: { own: "forbidden" },
      admin: { own: "allowed" },
    },
  },
  "(app)/admin/pathway/actions.ts#deletePathwayVersionAction": {
    // An earlier version nobody started under, in the caller's partnership or in another one.
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({
      templateId: await unusedEarlierVersion(db, target === "hidden" ? await awayActor("PARTNERSHIP", "ADMINISTRATOR") : callers.get("admin")!),
    })),
    expected: {
      caseworker: { own: "forbidden", hidden: "forbidden" },
      lead: { own: "forbidden", hidden: "forbidden" },
      coordinator: { own: "forbidden", hidden: "forbidden" },
      pcc: { own: "forbidden", hidden: "forbidden" },
      admin: { own: "allowed", hidden: "not-found" },
    },
  },
  "(app)/admin/agencies/actions.ts#addAgencyAction": {
    // Agencies are added to the caller's own partnership: there is no other record to aim at.
    targets: ["own"],
    call: withForm(async () => ({ name: `Matrix Aid ${crypto.randomUUID().slice(0, 8)}`, kind: "CHARITY" })),
    expected: ADMIN_ONLY({ own: "allowed" }),
  },
  "(app)/admin/agencies/[agencyId]/actions.ts#renameAgencyAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({ agencyId: (await freshAgency(target)).id, version: 0, name: `Renamed Aid ${crypto.randomUUID().slice(0, 8)}` })),
    expected: ADMIN_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/admin/agencies/[agencyId]/actions.ts#setAgencyHoursAction": {
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({ agencyId: (await freshAgency(target)).id, version: 0, hours: "office", opensAt: "09:00", closesAt: "17:00" })),
    expected: ADMIN_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/admin/agencies/[agencyId]/retire/actions.ts#retireAgencyAction": {
    // A fresh charity with no staff and no open stages: nothing stands in the way but the caller's role.
    targets: ["own", "hidden"],
    call: withForm(async (target) => ({ agencyId: (await freshAgency(target)).id, version: 0 })),
    expected: ADMIN_ONLY({ own: "allowed", hidden: "not-found" }),
  },
  "(app)/account/actions.ts#changePasswordAction": {
    // Everyone signed in may change their own password, and only their own: the form names no user.
    targets: ["own"],
    call: withForm(async () => ({ currentPassword: "test-password-not-secret", newPassword: "purple kettle harbour 7", confirmPassword: "purple kettle harbour 7" })),
    expected: { caseworker: { own: "allowed" }, lead: { own: "allowed" }, coordinator: { own: "allowed" }, pcc: { own: "allowed" }, admin: { own: "allowed" } },
  },
  "(app)/session/actions.ts#staySignedInAction": {
    // Anyone signed in may say they are still there; it answers their own session's time left.
    targets: ["own"],
    call: async (fn) => fn(),
    expected: { caseworker: { own: "allowed" }, lead: { own: "allowed" }, coordinator: { own: "allowed" }, pcc: { own: "allowed" }, admin: { own: "allowed" } },
    classify: (outcome) => {
      const msLeft = "returned" in outcome ? (outcome.returned as { msLeft?: number }).msLeft : undefined;
      return typeof msLeft === "number" && msLeft > 0 ? "allowed" : null;
    },
  },
  "(app)/notifications/actions.ts#markReadAction": {
    // Own: the caller's notice. Other: a notice to someone else in the same partnership.
    targets: ["own", "otherAgency"],
    call: async (fn, target, actor) =>
      fn(toFormData({ notificationId: await freshNotification(target === "own" ? actor : homePolice) })),
    expected: {
      caseworker: { own: "allowed", otherAgency: "not-found" },
      lead: { own: "allowed", otherAgency: "not-found" },
      coordinator: { own: "allowed", otherAgency: "not-found" },
      pcc: { own: "allowed", otherAgency: "not-found" },
      // Administrators have no notices at all.
      admin: { own: "not-found", otherAgency: "not-found" },
    },
    classify: (outcome) =>
      "redirectedTo" in outcome ? (outcome.redirectedTo.endsWith("read=missing") ? "not-found" : outcome.redirectedTo.endsWith("read=one") ? "allowed" : null) : null,
  },
  "(app)/notifications/actions.ts#markAllReadAction": {
    targets: ["own"],
    call: async (fn) => fn(),
    expected: {
      caseworker: { own: "allowed" },
      lead: { own: "allowed" },
      coordinator: { own: "allowed" },
      pcc: { own: "allowed" },
      admin: { own: "forbidden" },
    },
    classify: (outcome) =>
      "redirectedTo" in outcome ? (outcome.redirectedTo.endsWith("read=all") ? "allowed" : outcome.redirectedTo.endsWith("read=missing") ? "forbidden" : null) : null,
  },
  "(app)/sign-out/actions.ts#signOutAction": {
    targets: ["own"],
    call: async (fn) => fn(),
    expected: { caseworker: { own: "allowed" }, lead: { own: "allowed" }, coordinator: { own: "allowed" }, pcc: { own: "allowed" }, admin: { own: "allowed" } },
    classify: (outcome) => ("redirectedTo" in outcome && outcome.redirectedTo === "/sign-in" ? "allowed" : null),
  },
  "(app)/dashboard/export/route.ts#GET": {
    targets: ["own"],
    call: async (fn) => {
      const response = (await fn(new Request("http://127.0.0.1/dashboard/export?table=volumes&kind=year&year=2026"))) as Response;
      return { status: response.status };
    },
    expected: {
      caseworker: { own: "forbidden" },
      lead: { own: "forbidden" },
      coordinator: { own: "allowed" },
      pcc: { own: "allowed" },
      admin: { own: "forbidden" },
    },
    classify: (outcome) => {
      const status = "returned" in outcome ? (outcome.returned as { status?: number }).status : undefined;
      return status === 200 ? "allowed" : status === 403 ? "forbidden" : null;
    },
  },
  "api/live/route.ts#GET": {
    targets: ["own"],
    call: async (fn) => {
      const abort = new AbortController();
      const response = (await fn(new Request("http://127.0.0.1/api/live", { signal: abort.signal }))) as Response;
      abort.abort();
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status };
    },
    expected: {
      caseworker: { own: "allowed" },
      lead: { own: "allowed" },
      coordinator: { own: "allowed" },
      pcc: { own: "forbidden" },
      admin: { own: "forbidden" },
    },
    classify: (outcome) => {
      const status = "returned" in outcome ? (outcome.returned as { status?: number }).status : undefined;
      return status === 200 ? "allowed" : status === 403 ? "forbidden" : status === 404 ? "not-found" : null;
    },
  },
};

/** Reads a form-state result: which rule refused, or that the action went through. */
function classifyFormState(outcome: ActionOutcome): { expected: Expected; rule?: string; code?: string } | null {
  if ("redirectedTo" in outcome) return outcome.redirectedTo === "/sign-in" ? null : { expected: "allowed" };
  if (!("returned" in outcome)) return null;
  const state = outcome.returned as { fieldErrors?: Record<string, string>; formError?: string; code?: string; rule?: string } | undefined;
  if (!state || typeof state !== "object") return null;
  if (state.rule?.startsWith("role ")) return { expected: "forbidden", rule: state.rule };
  if (state.rule?.startsWith("visibility")) return { expected: "not-found", rule: state.rule };
  if (state.formError && Object.keys(state.fieldErrors ?? {}).length === 0) return { expected: "refused", code: state.code };
  if (!state.formError && Object.keys(state.fieldErrors ?? {}).length === 0) return { expected: "allowed" };
  return null;
}

beforeAll(async () => {
  home = await createWorld(db, "matrix");
  away = await createWorld(db, "matrix-away");
  for (const { caller, kind, role } of CALLERS) callers.set(caller, await home.actor(kind, role));
  homePolice = await home.actor("POLICE");
  homeHealth = await home.actor("HEALTH");
  homeColleague = await home.actor("COUNCIL_SAFEGUARDING");
  expect(homeHealth.agencyKind).toBe("HEALTH");
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

describe("the access matrix", () => {
  it("covers every server action and route handler in src/app", () => {
    const keys = endpoints.map((endpoint) => endpoint.key);
    const uncovered = keys.filter((key) => !SPECS[key] && !PUBLIC[key]);
    expect(uncovered, "add these to SPECS (or PUBLIC, with the reason)").toEqual([]);
    const stale = Object.keys(SPECS).filter((key) => !keys.includes(key));
    expect(stale, "these are in SPECS but no longer exist").toEqual([]);
  });

  const cells = Object.entries(SPECS).flatMap(([key, spec]) =>
    CALLERS.flatMap(({ caller }) => spec.targets.map((target) => ({ key, spec, caller, target, expected: spec.expected[caller][target] }))),
  );

  it.each(cells)("$key, $caller, $target record: $expected", async ({ key, spec, caller, target, expected }) => {
    expect(expected, `no expectation written for ${caller} / ${target}`).toBeDefined();
    const endpoint = endpoints.find((candidate) => candidate.key === key);
    expect(endpoint, `${key} not found`).toBeDefined();
    const actor = callers.get(caller)!;
    const deniedBefore = await db.auditEvent.count({ where: { userId: actor.id, outcome: "denied" } });

    sessionUserId.mockResolvedValue(actor.id);
    const outcome = await outcomeOf(() => spec.call(endpoint!.fn, target, actor));
    sessionUserId.mockResolvedValue(null);
    if ("threw" in outcome) throw outcome.threw;

    const custom = spec.classify?.(outcome) ?? null;
    const read = custom ? { expected: custom } : classifyFormState(outcome);
    expect(read, `unreadable outcome ${JSON.stringify(outcome)}`).not.toBeNull();
    expect(read!.expected, JSON.stringify(outcome)).toBe(expected);

    // A refusal says which rule refused, and a denied attempt is on the record.
    if (expected === "forbidden" && !custom) expect(read!.rule).toMatch(new RegExp(`^role ${actor.role} lacks [a-z_.]+`));
    if (expected === "not-found" && !custom) expect(read!.rule).toMatch(/^visibility: \w+ not found or not visible$/);
    if (expected === "refused") expect(read!.code).toBe(spec.refusedCode);
    if (expected === "forbidden" || (expected === "not-found" && !custom)) {
      expect(await db.auditEvent.count({ where: { userId: actor.id, outcome: "denied" } })).toBeGreaterThan(deniedBefore);
    }
  });
});
