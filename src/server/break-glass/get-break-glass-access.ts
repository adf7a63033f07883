import "server-only";
import { z } from "zod";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { REVIEW_COLUMNS, toRow, type BreakGlassReviewRow } from "./list-break-glass-reviews";

/** One break-glass access of the administrator's partnership, for reviewing it. */
export async function getBreakGlassAccess(db: Db, actor: Actor, accessId: string): Promise<BreakGlassReviewRow> {
  const id = z.uuid().safeParse(accessId).success ? accessId : undefined;
  await requirePermission(db, actor, "break_glass.review", { entity: "BreakGlassAccess", entityId: id });
  const access = id
    ? await db.breakGlassAccess.findFirst({
        where: { id, person: { rescue: { partnershipId: actor.partnershipId } } },
        select: REVIEW_COLUMNS,
      })
    : null;
  if (!access) {
    await recordAudit(db, actor, { action: "break_glass.list", entity: "BreakGlassAccess", entityId: id, outcome: "denied" });
    throw new NotFoundError("BreakGlassAccess");
  }
  await recordAudit(db, actor, { action: "break_glass.list", entity: "BreakGlassAccess", entityId: access.id });
  return toRow(access);
}
