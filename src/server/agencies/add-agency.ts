import "server-only";
import { z } from "zod";
import { agencyKindSchema, agencyNameSchema, nameTakenMessage } from "@/domain/agencies/agency-details";
import { fieldRefused, invalid, ok, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { agencyNameTaken, lockPartnershipAgencies } from "./load-agency";

export const addAgencySchema = z.object({ name: agencyNameSchema, kind: agencyKindSchema });

/**
 * Adds an agency to the administrator's partnership, working round the clock until its hours are set.
 * Several agencies may share a kind; names are unique in the partnership, capitals aside.
 */
export async function addAgency(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ agencyId: string; name: string }>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Agency" });
  const parsed = addAgencySchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { name, kind } = parsed.data;

  const created = await db.$transaction(async (tx) => {
    await lockPartnershipAgencies(tx, actor.partnershipId);
    if (await agencyNameTaken(tx, actor.partnershipId, name)) return null;
    const agency = await tx.agency.create({ data: { partnershipId: actor.partnershipId, name, kind }, select: { id: true, name: true } });
    await recordAudit(tx, actor, {
      action: "agency.create",
      entity: "Agency",
      entityId: agency.id,
      changes: { name: { before: null, after: name }, kind: { before: null, after: kind } },
    });
    return agency;
  });
  if (!created) return { ...fieldRefused("name", nameTakenMessage(name)), code: "name-taken" };
  return ok({ agencyId: created.id, name: created.name });
}
