import "server-only";
import { z } from "zod";
import { agencyNameSchema, nameTakenMessage } from "@/domain/agencies/agency-details";
import { wholeNumber } from "@/domain/input/whole-number";
import { fieldRefused, invalid, ok, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { agencyEditRefusal, agencyNameTaken, loadPartnershipAgency, lockPartnershipAgencies, reloadAgency } from "./load-agency";

export const renameAgencySchema = z.object({
  agencyId: z.uuid("Agency not found"),
  version: wholeNumber("Reload the page and try again"),
  name: agencyNameSchema,
});

/**
 * Renames one of the partnership's agencies. History keeps reading well: it names agencies through
 * their row, so every past entry shows the new name.
 */
export async function renameAgency(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ agencyId: string; name: string }>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Agency", entityId: idFromInput(rawInput, "agencyId") });
  const parsed = renameAgencySchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { agencyId, version, name } = parsed.data;

  await loadPartnershipAgency(db, actor, agencyId, "agency.rename");
  return db.$transaction(async (tx): Promise<Result<{ agencyId: string; name: string }>> => {
    await lockPartnershipAgencies(tx, actor.partnershipId);
    const agency = await reloadAgency(tx, agencyId);
    const refusal = agencyEditRefusal(agency, version);
    if (refusal) return refusal;
    if (await agencyNameTaken(tx, actor.partnershipId, name, agency.id)) return { ...fieldRefused("name", nameTakenMessage(name)), code: "name-taken" };
    if (name === agency.name) return ok({ agencyId, name });
    await tx.agency.update({ where: { id: agency.id }, data: { name, version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "agency.rename", entity: "Agency", entityId: agency.id, changes: { name: { before: agency.name, after: name } } });
    return ok({ agencyId, name });
  });
}
