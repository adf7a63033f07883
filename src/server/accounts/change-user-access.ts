import "server-only";
import { z } from "zod";
import { accountChangeRefusal } from "@/domain/accounts/account-guards";
import { roleAgencyMismatchMessage, roleFitsAgency } from "@/domain/accounts/role-agency";
import { CHECK_THE_ANSWERS, invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit, type AuditChanges } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { accountFields } from "./account-input";
import { changeManagedAccount, countActiveAdministrators, requireManagedAccount } from "./managed-account";

export const changeUserAccessSchema = z.object({
  userId: accountFields.userId,
  version: accountFields.version,
  role: accountFields.role,
  agencyId: accountFields.agencyId,
});

/**
 * Gives an account another role or moves it to another agency of the partnership. The new pair must
 * fit (role-agency rule), the agency must not be retired, and the guards hold: not one's own account,
 * never the last active administrator. It takes effect on the user's next request (each request reads
 * the role afresh), so their sessions carry on.
 */
export async function changeUserAccess(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ userId: string }>> {
  await requirePermission(db, actor, "user.manage", { entity: "User", entityId: idFromInput(rawInput, "userId") });
  const parsed = changeUserAccessSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const account = await requireManagedAccount(db, actor, input.userId, "user.access_change");

  return changeManagedAccount(db, actor, { id: account.id, version: input.version }, async (tx, current) => {
    const agency = await tx.agency.findFirst({ where: { id: input.agencyId, partnershipId: actor.partnershipId }, select: { id: true, name: true, kind: true, retiredAt: true } });
    if (!agency) return refused("invalid-input", CHECK_THE_ANSWERS, { agencyId: "Select an agency from the list" });
    if (current.role === input.role && current.agencyId === agency.id) return refused("no-change", "This account already has this role and agency.");
    if (agency.retiredAt && agency.id !== current.agencyId) {
      return refused("agency-retired", CHECK_THE_ANSWERS, { agencyId: `${agency.name} is retired and takes no new staff: select another agency` });
    }
    if (!roleFitsAgency(input.role, agency.kind)) return refused("role-agency-mismatch", CHECK_THE_ANSWERS, { agencyId: roleAgencyMismatchMessage(input.role) });
    const guard = accountChangeRefusal({
      actorId: actor.id,
      target: current,
      change: { role: input.role, agencyId: agency.id },
      activeAdministrators: await countActiveAdministrators(tx, actor.partnershipId),
    });
    if (guard) return refused(guard.code, guard.message);

    await tx.user.update({ where: { id: current.id }, data: { role: input.role, agencyId: agency.id, version: { increment: 1 } } });
    const changes: AuditChanges = {};
    if (current.role !== input.role) changes.role = { before: current.role, after: input.role };
    if (current.agencyId !== agency.id) changes.agency = { before: current.agency.name, after: agency.name };
    await recordAudit(tx, actor, { action: "user.access_change", entity: "User", entityId: current.id, changes });
    return ok({ userId: current.id });
  });
}
