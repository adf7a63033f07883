import "server-only";
import { roleHasPermission, type Permission } from "@/domain/access/permissions";
import { recordAudit, type AuditDb } from "../audit/record-audit";
import { ForbiddenError } from "../errors";
import type { Actor } from "./actor";

/**
 * Refuses a role that may not do this at all. The refusal is audited too: a PCC office user trying
 * to open a person's record is exactly what the audit log is for.
 */
export async function requirePermission(
  db: AuditDb,
  actor: Actor,
  permission: Permission,
  target: { entity: string; entityId?: string },
): Promise<void> {
  if (roleHasPermission(actor.role, permission)) return;
  await recordAudit(db, actor, { action: "permission.denied", entity: target.entity, entityId: target.entityId, outcome: "denied" });
  throw new ForbiddenError(`role ${actor.role} lacks ${permission}`);
}
