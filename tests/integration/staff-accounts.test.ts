// The administrator's staff accounts on real Postgres: creating, switching off, changing role or
// agency, resets and new links, with the guards, the version check and the audit rows they leave.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser as createUserRow } from "../../prisma/factories";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import { changeUserAccess } from "../../src/server/accounts/change-user-access";
import { createUser } from "../../src/server/accounts/create-user";
import { getUser } from "../../src/server/accounts/get-user";
import { listAccountAgencies } from "../../src/server/accounts/list-account-agencies";
import { listUsers } from "../../src/server/accounts/list-users";
import { reissueActivationLink } from "../../src/server/accounts/reissue-activation-link";
import { resetUserPassword } from "../../src/server/accounts/reset-user-password";
import { resetUserSecondFactor } from "../../src/server/accounts/reset-user-second-factor";
import { switchUserActive } from "../../src/server/accounts/switch-user-active";
import { checkSession } from "../../src/server/auth/check-session";
import { hashSessionSecret } from "../../src/server/auth/session-secret";
import { signInWithPassword } from "../../src/server/auth/sign-in-with-password";
import { startSession } from "../../src/server/auth/start-session";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError, NotFoundError } from "../../src/server/errors";
import { createWorld, type World } from "../support/world";

const db = createPrismaClient();
const PASSWORD = "test-password-not-secret";
let world: World;
let away: World;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld(db, "accounts");
  away = await createWorld(db, "accounts-away");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
});

afterAll(async () => {
  await db.$disconnect();
});

/** A caseworker of the world's police who has signed in with PASSWORD (and, if asked, a second factor). */
async function staffMember(options: { secondFactor?: boolean; role?: "CASEWORKER" | "ADMINISTRATOR" } = {}) {
  const role = options.role ?? "CASEWORKER";
  const agencyId = role === "ADMINISTRATOR" ? world.agencies.PARTNERSHIP.id : world.agencies.POLICE.id;
  const user = await createUserRow(db, { agencyId, role, email: `staff-${randomUUID()}@test.example`, name: "Fictional Staff Member", totpSecret: null });
  if (options.secondFactor) {
    await db.user.update({ where: { id: user.id }, data: { totpSecret: "encrypted:fictional", totpEnrolledAt: new Date(), totpLastUsedStep: 123 } });
    await db.recoveryCode.createMany({ data: [{ userId: user.id, codeHash: "hash-1" }, { userId: user.id, codeHash: "hash-2" }] });
  }
  return db.user.findUniqueOrThrow({ where: { id: user.id } });
}

const signIn = (email: string, password = PASSWORD) => signInWithPassword(db, { email, password }, `192.0.2.${Math.floor(Math.random() * 200) + 1}`);
const tokenOf = (path: string) => path.split("/").pop()!;

/** An audit row as text, every column included, to look for secrets in. */
const writtenOf = (row: unknown) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));

async function auditRowsFor(userId: string) {
  return db.auditEvent.findMany({ where: { entity: "User", entityId: userId, action: { startsWith: "user." }, outcome: "allowed" }, orderBy: { id: "asc" } });
}

describe("creating a user", () => {
  it("makes an account with no password, its email normalised, and one activation link whose token only the administrator sees", async () => {
    const email = `New.Caseworker.${randomUUID().slice(0, 8)}@Test.Example`;
    const result = await createUser(db, admin, { name: "  Fictional New Caseworker ", email: `  ${email} `, role: "CASEWORKER", agencyId: world.agencies.HEALTH.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const user = await db.user.findUniqueOrThrow({ where: { id: result.data.userId } });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Fictional New Caseworker", passwordHash: null, role: "CASEWORKER", active: true });
    const links = await db.activationLink.findMany({ where: { userId: user.id } });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ purpose: "ACTIVATE", issuedById: admin.id, usedAt: null, revokedAt: null, tokenHash: hashSessionSecret(tokenOf(result.data.link.path)) });
    expect(result.data.link.path).toMatch(/^\/activate\/[A-Za-z0-9_-]{40,}$/);

    const [audit] = await auditRowsFor(user.id);
    expect(audit).toMatchObject({ action: "user.create", userId: admin.id });
    expect(audit!.changes).toEqual({
      email: { before: null, after: email.toLowerCase() },
      role: { before: null, after: "CASEWORKER" },
      agency: { before: null, after: world.agencies.HEALTH.name },
      active: { before: null, after: true },
      activationLink: { before: null, after: "issued" },
    });
    const written = writtenOf(audit);
    expect(written).not.toContain(tokenOf(result.data.link.path));
    expect(written).not.toContain(links[0]!.tokenHash);
    // Nobody can sign in to it until the link is used.
    expect(await signIn(email.toLowerCase())).toEqual({ kind: "wrong-email-or-password" });
  });

  it("refuses an email already taken, whatever its case, with words that say so", async () => {
    const existing = await staffMember();
    const result = await createUser(db, admin, { name: "Fictional Duplicate", email: existing.email.toUpperCase(), role: "CASEWORKER", agencyId: world.agencies.POLICE.id });
    expect(result).toMatchObject({ ok: false, code: "email-taken", fieldErrors: { email: expect.stringContaining("Another account already uses this email address") } });
    expect(await db.user.count({ where: { name: "Fictional Duplicate" } })).toBe(0);
  });

  it("refuses a retired agency, a role that does not belong in the agency, and another partnership's agency", async () => {
    const retired = await db.agency.create({ data: { partnershipId: world.partnership.id, kind: "CHARITY", name: `Retired charity (${world.slug})`, retiredAt: new Date() } });
    const base = { name: "Fictional Refused", role: "CASEWORKER" };
    const email = () => `refused-${randomUUID()}@test.example`;

    expect(await createUser(db, admin, { ...base, email: email(), agencyId: retired.id })).toMatchObject({ ok: false, code: "agency-retired", fieldErrors: { agencyId: expect.stringContaining("retired") } });
    expect(await createUser(db, admin, { ...base, email: email(), agencyId: world.agencies.PCC_OFFICE.id })).toMatchObject({
      ok: false,
      code: "role-agency-mismatch",
      fieldErrors: { agencyId: expect.stringContaining("Caseworker accounts belong in an agency that works cases") },
    });
    expect(await createUser(db, admin, { ...base, role: "PCC_OFFICE", email: email(), agencyId: world.agencies.PCC_OFFICE.id })).toMatchObject({ ok: true });
    expect(await createUser(db, admin, { ...base, email: email(), agencyId: away.agencies.POLICE.id })).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { agencyId: "Select an agency from the list" },
    });
    expect(await db.user.count({ where: { name: "Fictional Refused", role: "CASEWORKER" } })).toBe(0);
  });

  it("is refused to every role but the administrator", async () => {
    const lead = await world.actor("POLICE", "AGENCY_LEAD");
    await expect(createUser(db, lead, { name: "X", email: `x-${randomUUID()}@test.example`, role: "CASEWORKER", agencyId: world.agencies.POLICE.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("switching an account off and on", () => {
  it("ends every session of the account at once, and audits before and after", async () => {
    const member = await staffMember();
    const secret = await startSession(db, member.id);
    expect(await checkSession(db, secret)).not.toBeNull();

    const result = await switchUserActive(db, admin, { userId: member.id, version: member.version, active: "off" });
    expect(result).toEqual({ ok: true, data: { userId: member.id, active: false } });

    expect(await checkSession(db, secret)).toBeNull();
    expect(await db.session.findFirstOrThrow({ where: { userId: member.id } })).toMatchObject({ endReason: "USER_SWITCHED_OFF" });
    expect(await loadActor(db, member.id)).toBeNull();
    expect(await signIn(member.email)).toEqual({ kind: "wrong-email-or-password" });

    const on = await switchUserActive(db, admin, { userId: member.id, version: member.version + 1, active: "on" });
    expect(on).toMatchObject({ ok: true });
    expect(await signIn(member.email)).not.toEqual({ kind: "wrong-email-or-password" });
    expect((await auditRowsFor(member.id)).map((row) => [row.action, row.changes])).toEqual([
      ["user.switch_off", { active: { before: true, after: false } }],
      ["user.switch_on", { active: { before: false, after: true } }],
    ]);
  });

  it("refuses to switch on an account whose agency was retired, until it is moved", async () => {
    const charity = await db.agency.create({ data: { partnershipId: world.partnership.id, kind: "CHARITY", name: `Closing charity ${randomUUID().slice(0, 8)}` } });
    const member = await createUserRow(db, { agencyId: charity.id, role: "CASEWORKER", email: `closing-${randomUUID()}@test.example`, name: "Fictional Charity Worker" });
    const off = await switchUserActive(db, admin, { userId: member.id, version: 0, active: "off" });
    expect(off).toMatchObject({ ok: true });
    await db.agency.update({ where: { id: charity.id }, data: { retiredAt: new Date() } });

    const on = await switchUserActive(db, admin, { userId: member.id, version: 1, active: "on" });
    expect(on).toMatchObject({ ok: false, code: "agency-retired" });
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ active: false, version: 1 });
  });

  it("refuses an administrator switching off their own account", async () => {
    const self = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    const result = await switchUserActive(db, admin, { userId: admin.id, version: self.version, active: "off" });
    expect(result).toMatchObject({ ok: false, code: "own-account", formError: expect.stringContaining("You cannot switch off your own account") });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("does not find another partnership's user, and records the attempt", async () => {
    const stranger = await away.actor("POLICE");
    const user = await db.user.findUniqueOrThrow({ where: { id: stranger.id } });
    await expect(switchUserActive(db, admin, { userId: stranger.id, version: user.version, active: "off" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.user.findUniqueOrThrow({ where: { id: stranger.id } })).active).toBe(true);
    expect(await db.auditEvent.count({ where: { userId: admin.id, entityId: stranger.id, outcome: "denied" } })).toBe(1);
  });
});

describe("changing role or agency", () => {
  it("moves a caseworker to lead in another agency, audited field by field", async () => {
    const member = await staffMember();
    const result = await changeUserAccess(db, admin, { userId: member.id, version: member.version, role: "AGENCY_LEAD", agencyId: world.agencies.VCAS.id });
    expect(result).toMatchObject({ ok: true });
    expect(await loadActor(db, member.id)).toMatchObject({ role: "AGENCY_LEAD", agencyId: world.agencies.VCAS.id });
    const [row] = await auditRowsFor(member.id);
    expect(row!.changes).toEqual({ role: { before: "CASEWORKER", after: "AGENCY_LEAD" }, agency: { before: world.agencies.POLICE.name, after: world.agencies.VCAS.name } });
  });

  it("refuses a change made from a page showing an older version, keeping the other administrator's change", async () => {
    const member = await staffMember();
    const seen = member.version;
    expect(await changeUserAccess(db, admin, { userId: member.id, version: seen, role: "AGENCY_LEAD", agencyId: world.agencies.POLICE.id })).toMatchObject({ ok: true });

    const second = await changeUserAccess(db, admin, { userId: member.id, version: seen, role: "CASEWORKER", agencyId: world.agencies.HEALTH.id });
    expect(second).toMatchObject({ ok: false, code: "stale-version", formError: expect.stringContaining("Someone else changed this account") });
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ role: "AGENCY_LEAD", agencyId: world.agencies.POLICE.id, version: seen + 1 });
  });

  it("refuses an administrator demoting or moving themselves", async () => {
    const self = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await changeUserAccess(db, admin, { userId: admin.id, version: self.version, role: "COORDINATOR", agencyId: self.agencyId })).toMatchObject({ ok: false, code: "own-account" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMINISTRATOR");
  });

  it("refuses a role that does not belong in the agency", async () => {
    const member = await staffMember();
    expect(await changeUserAccess(db, admin, { userId: member.id, version: member.version, role: "COORDINATOR", agencyId: world.agencies.POLICE.id })).toMatchObject({
      ok: false,
      code: "role-agency-mismatch",
    });
  });
});

describe("the last active administrator", () => {
  it("cannot be demoted or switched off by a request that got past its check before its own administrator was demoted", async () => {
    const partnership = await createWorld(db, "last-admin");
    const first = await partnership.actor("PARTNERSHIP", "ADMINISTRATOR");
    const second = await partnership.actor("PARTNERSHIP", "ADMINISTRATOR");
    const firstRow = await db.user.findUniqueOrThrow({ where: { id: first.id } });
    const secondRow = await db.user.findUniqueOrThrow({ where: { id: second.id } });

    expect(await changeUserAccess(db, first, { userId: second.id, version: secondRow.version, role: "COORDINATOR", agencyId: secondRow.agencyId })).toMatchObject({ ok: true });
    // `second` is the request already under way when it was demoted: the count under the lock stops it.
    expect(await changeUserAccess(db, second, { userId: first.id, version: firstRow.version, role: "COORDINATOR", agencyId: firstRow.agencyId })).toMatchObject({
      ok: false,
      code: "last-administrator",
      formError: expect.stringContaining("last active administrator"),
    });
    expect(await switchUserActive(db, second, { userId: first.id, version: firstRow.version, active: "off" })).toMatchObject({ ok: false, code: "last-administrator" });
    expect(await db.user.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ role: "ADMINISTRATOR", active: true });
  });

  it("survives two administrators demoting each other at the same moment", async () => {
    const partnership = await createWorld(db, "mutual");
    const first = await partnership.actor("PARTNERSHIP", "ADMINISTRATOR");
    const second = await partnership.actor("PARTNERSHIP", "ADMINISTRATOR");
    const agencyId = partnership.agencies.PARTNERSHIP.id;

    const results = await Promise.all([
      changeUserAccess(db, first, { userId: second.id, version: 0, role: "COORDINATOR", agencyId }),
      switchUserActive(db, second, { userId: first.id, version: 0, active: "off" }),
    ]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "last-administrator" });
    expect(await db.user.count({ where: { role: "ADMINISTRATOR", active: true, agency: { partnershipId: partnership.partnership.id } } })).toBe(1);
  });
});

describe("resetting a password", () => {
  it("stops the old password at once, ends the sessions, keeps the second factor and issues a reset link", async () => {
    const member = await staffMember({ secondFactor: true });
    expect(await signIn(member.email)).not.toEqual({ kind: "wrong-email-or-password" });
    const secret = await startSession(db, member.id);

    const result = await resetUserPassword(db, admin, { userId: member.id, version: member.version });
    expect(result).toMatchObject({ ok: true, data: { purpose: "RESET_PASSWORD" } });
    if (!result.ok) return;

    expect(await signIn(member.email)).toEqual({ kind: "wrong-email-or-password" });
    expect(await checkSession(db, secret)).toBeNull();
    expect(await db.session.findFirstOrThrow({ where: { userId: member.id } })).toMatchObject({ endReason: "CREDENTIALS_RESET" });
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ passwordHash: null, totpSecret: "encrypted:fictional" });
    const link = await db.activationLink.findFirstOrThrow({ where: { userId: member.id } });
    expect(link).toMatchObject({ purpose: "RESET_PASSWORD", tokenHash: hashSessionSecret(tokenOf(result.data.link.path)) });

    const [audit] = await auditRowsFor(member.id);
    expect(audit).toMatchObject({ action: "user.password_reset", changes: { password: { before: "set", after: "reset" }, activationLink: { before: null, after: "RESET_PASSWORD" } } });
    const written = writtenOf(audit);
    for (const secretValue of [tokenOf(result.data.link.path), link.tokenHash, member.passwordHash!]) expect(written).not.toContain(secretValue);
  });

  it("issues a full activation link to an account that has no second factor either", async () => {
    const member = await staffMember();
    expect(await resetUserPassword(db, admin, { userId: member.id, version: member.version })).toMatchObject({ ok: true, data: { purpose: "ACTIVATE" } });
  });

  it("is refused for a switched-off account", async () => {
    const member = await staffMember();
    await switchUserActive(db, admin, { userId: member.id, version: member.version, active: "off" });
    expect(await resetUserPassword(db, admin, { userId: member.id, version: member.version + 1 })).toMatchObject({ ok: false, code: "account-switched-off" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).passwordHash).not.toBeNull();
  });
});

describe("resetting a second factor", () => {
  it("clears the TOTP secret and its last step, spends the recovery codes, ends the sessions and keeps the password", async () => {
    const member = await staffMember({ secondFactor: true });
    const secret = await startSession(db, member.id);

    const result = await resetUserSecondFactor(db, admin, { userId: member.id, version: member.version });
    expect(result).toMatchObject({ ok: true, data: { purpose: "RESET_SECOND_FACTOR" } });

    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      totpSecret: null,
      totpEnrolledAt: null,
      totpLastUsedStep: null,
      passwordHash: member.passwordHash,
    });
    expect(await db.recoveryCode.count({ where: { userId: member.id, usedAt: null } })).toBe(0);
    expect(await checkSession(db, secret)).toBeNull();
    const [audit] = await auditRowsFor(member.id);
    expect(audit).toMatchObject({
      action: "user.second_factor_reset",
      changes: { secondFactor: { before: "enrolled", after: "reset" }, activationLink: { before: null, after: "RESET_SECOND_FACTOR" } },
    });
    expect(writtenOf(audit)).not.toContain("encrypted:fictional");
  });
});

describe("a new activation link", () => {
  it("replaces the first link of an account not yet activated: the old one stops working", async () => {
    const created = await createUser(db, admin, { name: "Fictional Slow Starter", email: `slow-${randomUUID()}@test.example`, role: "CASEWORKER", agencyId: world.agencies.POLICE.id });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const again = await reissueActivationLink(db, admin, { userId: created.data.userId, version: 0 });
    expect(again).toMatchObject({ ok: true });
    if (!again.ok) return;

    const links = await db.activationLink.findMany({ where: { userId: created.data.userId }, orderBy: { createdAt: "asc" } });
    expect(links.map((link) => [link.tokenHash, link.revokedAt === null])).toEqual([
      [hashSessionSecret(tokenOf(created.data.link.path)), false],
      [hashSessionSecret(tokenOf(again.data.link.path)), true],
    ]);
  });

  it("is refused for an activated account", async () => {
    const member = await staffMember();
    expect(await reissueActivationLink(db, admin, { userId: member.id, version: member.version })).toMatchObject({ ok: false, code: "already-activated" });
    expect(await db.activationLink.count({ where: { userId: member.id } })).toBe(0);
  });
});

describe("listing and reading accounts", () => {
  it("searches the partnership's accounts by part of a name or email, filters them, and counts them", async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 27; i += 1) {
      await createUserRow(db, { agencyId: world.agencies.SALVATION_ARMY.id, role: "CASEWORKER", email: `paged-${tag}-${i}@test.example`, name: `Paged ${tag} ${String(i).padStart(2, "0")}` });
    }
    await createUserRow(db, { agencyId: away.agencies.POLICE.id, role: "CASEWORKER", email: `paged-${tag}-away@test.example`, name: `Paged ${tag} away` });

    const first = await listUsers(db, admin, { q: tag.toUpperCase() });
    expect(first).toMatchObject({ ok: true, data: { total: 27, page: 1, pageCount: 2 } });
    if (!first.ok) return;
    expect(first.data.rows).toHaveLength(25);
    const second = await listUsers(db, admin, { q: `paged-${tag}`, page: "2" });
    expect(second.ok && second.data.rows.map((row) => row.name)).toEqual([`Paged ${tag} 25`, `Paged ${tag} 26`]);

    expect(await listUsers(db, admin, { q: tag, role: "AGENCY_LEAD" })).toMatchObject({ ok: true, data: { total: 0 } });
    expect(await listUsers(db, admin, { q: tag, agency: world.agencies.SALVATION_ARMY.id, status: "on" })).toMatchObject({ ok: true, data: { total: 27 } });
    expect(await listUsers(db, admin, { q: tag, status: "off" })).toMatchObject({ ok: true, data: { total: 0 } });
    // Typed text is matched as text: a "%" or "_" is not a wildcard.
    expect(await listUsers(db, admin, { q: "%" })).toMatchObject({ ok: true, data: { total: 0 } });
    expect(await listUsers(db, admin, { q: `paged_${tag}` })).toMatchObject({ ok: true, data: { total: 0 } });
    await createUserRow(db, { agencyId: world.agencies.VCAS.id, role: "CASEWORKER", email: `odd-${tag}@test.example`, name: `Odd_${tag}%\\name` });
    expect(await listUsers(db, admin, { q: `odd_${tag}%\\` })).toMatchObject({ ok: true, data: { total: 1 } });
    expect(await listUsers(db, admin, { role: "KING" })).toMatchObject({ ok: false, code: "invalid-input", fieldErrors: { role: "Select a role from the list" } });
  });

  it("shows an account's status and its history of changes, and not another partnership's account", async () => {
    const created = await createUser(db, admin, { name: "Fictional History", email: `history-${randomUUID()}@test.example`, role: "CASEWORKER", agencyId: world.agencies.POLICE.id });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await changeUserAccess(db, admin, { userId: created.data.userId, version: 0, role: "AGENCY_LEAD", agencyId: world.agencies.POLICE.id });

    const details = await getUser(db, admin, created.data.userId);
    expect(details).toMatchObject({ status: "not-activated", needsActivation: true, role: "AGENCY_LEAD", version: 1, secondFactorEnrolledAt: null, isSelf: false });
    expect(details.openLinkExpiresAt).toEqual(created.data.link.expiresAt);
    expect(details.history.map((entry) => [entry.action, entry.byName])).toEqual([
      ["user.access_change", admin.name],
      ["user.create", admin.name],
    ]);

    const stranger = await away.actor("POLICE");
    await expect(getUser(db, admin, stranger.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("who may read the account pages", () => {
  // What /admin/users, /admin/users/new, /admin/users/[id] and its access page load, for every role.
  const ROLES_AND_AGENCIES = [
    ["CASEWORKER", "POLICE"],
    ["AGENCY_LEAD", "COUNCIL_SAFEGUARDING"],
    ["COORDINATOR", "PARTNERSHIP"],
    ["PCC_OFFICE", "PCC_OFFICE"],
  ] as const;

  it.each(ROLES_AND_AGENCIES)("refuses a %s every loader, and records each refusal", async (role, kind) => {
    const caller = await world.actor(kind, role);
    const member = await staffMember();
    await expect(listUsers(db, caller, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAccountAgencies(db, caller)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getUser(db, caller, member.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditEvent.count({ where: { userId: caller.id, action: "permission.denied", outcome: "denied" } })).toBe(3);
  });

  it("gives an administrator their own partnership's accounts and agencies only", async () => {
    const agencies = await listAccountAgencies(db, admin);
    expect(agencies.map((agency) => agency.id).sort()).toEqual(
      (await db.agency.findMany({ where: { partnershipId: world.partnership.id }, select: { id: true } })).map((agency) => agency.id).sort(),
    );
    const everyone = await listUsers(db, admin, { page: "1" });
    expect(everyone.ok && everyone.data.total).toBe(await db.user.count({ where: { agency: { partnershipId: world.partnership.id } } }));
    await expect(getUser(db, admin, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
