import "server-only";
import { z } from "zod";
import { accountChangeRefusal } from "@/domain/accounts/account-guards";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import { setUserActiveIn } from "../auth/set-user-active";
import type { Db } from "../db/create-client";
import { accountFields } from "./account-input";
import { changeManagedAccount, countActiveAdministrators, requireManagedAccount } from "./managed-account";

export const switchUserActiveSchema = z.object({
  userId: accountFields.userId,
  version: accountFields.version,
  active: z.enum(["on", "off"], { error: "Choose whether to switch the account on or off" }).transform((value) => value === "on"),
});

/**
 * Switches an account off (its sessions end in the same transaction: the next click in any browser
 * goes to sign in) or back on. Not one's own account, never the last active administrator.
 */
export async function switchUserActive(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ userId: string; active: boolean }>> {
  await requirePermission(db, actor, "user.manage", { entity: "User", entityId: idFromInput(rawInput, "userId") });
  const parsed = switchUserActiveSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, version, active } = parsed.data;
  const action = active ? "user.switch_on" : "user.switch_off";
  const account = await requireManagedAccount(db, actor, userId, action);

  return changeManagedAccount(db, actor, { id: account.id, version }, async (tx, current) => {
    if (current.active === active) return refused("no-change", active ? "This account is already switched on." : "This account is already switched off.");
    const guard = accountChangeRefusal({
      actorId: actor.id,
      target: current,
      change: { active },
      activeAdministrators: await countActiveAdministrators(tx, actor.partnershipId),
    });
    if (guard) return refused(guard.code, guard.message);
    // A retired agency takes no staff: its people are moved to another agency before coming back.
    if (active && current.agency.retiredAt) {
      return refused("agency-retired", `${current.agency.name} is retired. Move this account to another agency before switching it on.`);
    }

    await setUserActiveIn(tx, current.id, active, now);
    await tx.user.update({ where: { id: current.id }, data: { version: { increment: 1 } } });
    await recordAudit(tx, actor, { action, entity: "User", entityId: current.id, changes: { active: { before: current.active, after: active } } });
    return ok({ userId: current.id, active });
  });
}
