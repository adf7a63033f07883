import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { manageableUsers } from "../access/visibility";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { STALE_ACCOUNT_MESSAGE } from "./account-input";

const ACCOUNT_COLUMNS = {
  id: true,
  name: true,
  email: true,
  role: true,
  agencyId: true,
  active: true,
  version: true,
  passwordHash: true,
  totpEnrolledAt: true,
  agency: { select: { id: true, name: true, kind: true, retiredAt: true } },
} satisfies Prisma.UserSelect;

export type ManagedAccount = Prisma.UserGetPayload<{ select: typeof ACCOUNT_COLUMNS }>;

/**
 * An account the administrator may manage, or not found: a user of another partnership (or an id that
 * does not exist) is refused the same way, and the attempt is on the record.
 */
export async function requireManagedAccount(db: Db, actor: Actor, userId: string, action: AuditAction): Promise<ManagedAccount> {
  const user = await db.user.findFirst({ where: { id: userId, ...manageableUsers(actor) }, select: ACCOUNT_COLUMNS });
  if (!user) {
    await recordAudit(db, actor, { action, entity: "User", entityId: userId, outcome: "denied" });
    throw new NotFoundError("User");
  }
  return user;
}

/**
 * Runs one administrator's change to an account in a transaction that first locks the partnership's
 * row: changes to its accounts happen one at a time, so a count of active administrators taken inside
 * `change` stays true until the commit (two administrators demoting each other at once cannot leave
 * none). Then the account is read again and must still be at the version the form was shown with.
 * A refusal returned by `change` must come before it writes anything.
 */
export async function changeManagedAccount<T>(
  db: Db,
  actor: Actor,
  account: { id: string; version: number },
  change: (tx: Prisma.TransactionClient, current: ManagedAccount) => Promise<Result<T>>,
): Promise<Result<T>> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Partnership" WHERE "id" = ${actor.partnershipId}::uuid FOR UPDATE`;
    const current = await tx.user.findUniqueOrThrow({ where: { id: account.id }, select: ACCOUNT_COLUMNS });
    if (current.version !== account.version) return refused("stale-version", STALE_ACCOUNT_MESSAGE);
    return change(tx, current);
  });
}

/** Active administrators of the partnership; call it inside changeManagedAccount, under its lock. */
export async function countActiveAdministrators(tx: Prisma.TransactionClient, partnershipId: string): Promise<number> {
  return tx.user.count({ where: { role: "ADMINISTRATOR", active: true, agency: { partnershipId } } });
}
