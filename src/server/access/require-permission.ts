import { roleHasPermission, type Permission } from "@/domain/access/permissions";
import { ForbiddenError } from "../errors";
import type { Actor } from "./actor";

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!roleHasPermission(actor.role, permission)) throw new ForbiddenError(`role ${actor.role} lacks ${permission}`);
}
