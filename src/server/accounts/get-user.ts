import "server-only";
import { z } from "zod";
import { accountStatus, needsActivation, type AccountStatus } from "@/domain/accounts/account-status";
import type { AgencyKind, Role } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit, type AuditAction, type AuditChanges } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { requireManagedAccount } from "./managed-account";

/** The audit actions that change an account: its history on the user page. */
const ACCOUNT_CHANGES: AuditAction[] = [
  "user.create",
  "user.access_change",
  "user.switch_off",
  "user.switch_on",
  "user.password_reset",
  "user.second_factor_reset",
  "user.activation_link",
];

export type AccountHistoryEntry = { id: string; occurredAt: Date; action: string; byName: string | null; changes: AuditChanges };

export type UserDetails = {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  agencyKind: AgencyKind;
  active: boolean;
  version: number;
  createdAt: Date;
  status: AccountStatus;
  secondFactorEnrolledAt: Date | null;
  needsActivation: boolean;
  /** An unused, unrevoked link's expiry, if one is out: the link itself is never kept. */
  openLinkExpiresAt: Date | null;
  isSelf: boolean;
  history: AccountHistoryEntry[];
};

/** One staff account of the administrator's partnership, with the history of changes to it. */
export async function getUser(db: Db, actor: Actor, userId: string, now = new Date()): Promise<UserDetails> {
  const id = z.uuid().safeParse(userId).success ? userId : undefined;
  await requirePermission(db, actor, "user.manage", { entity: "User", entityId: id });
  if (!id) {
    await recordAudit(db, actor, { action: "user.view", entity: "User", outcome: "denied" });
    throw new NotFoundError("User");
  }
  const account = await requireManagedAccount(db, actor, id, "user.view");
  const [full, link, events] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id }, select: { createdAt: true } }),
    db.activationLink.findFirst({
      where: { userId: id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { expiresAt: true },
    }),
    db.auditEvent.findMany({
      where: { entity: "User", entityId: id, action: { in: ACCOUNT_CHANGES }, outcome: "allowed" },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 100,
    }),
  ]);
  const actorIds = [...new Set(events.map((event) => event.userId).filter((value): value is string => value !== null))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  await recordAudit(db, actor, { action: "user.view", entity: "User", entityId: id });

  const facts = { active: account.active, hasPassword: account.passwordHash !== null, totpEnrolled: account.totpEnrolledAt !== null };
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    agencyId: account.agencyId,
    agencyName: account.agency.name,
    agencyKind: account.agency.kind,
    active: account.active,
    version: account.version,
    createdAt: full.createdAt,
    status: accountStatus(facts),
    secondFactorEnrolledAt: account.totpEnrolledAt,
    needsActivation: needsActivation(facts),
    openLinkExpiresAt: link?.expiresAt ?? null,
    isSelf: account.id === actor.id,
    history: events.map((event) => ({
      id: event.id.toString(),
      occurredAt: event.occurredAt,
      action: event.action,
      byName: event.userId ? (names.get(event.userId) ?? null) : null,
      changes: (event.changes ?? {}) as AuditChanges,
    })),
  };
}
