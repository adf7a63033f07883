import "server-only";
import { z } from "zod";
import { workingHoursSchema } from "@/domain/agencies/agency-details";
import { timeFromMinutes } from "@/domain/agencies/working-hours";
import { wholeNumber } from "@/domain/input/whole-number";
import { invalid, ok, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit, type AuditChanges } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { agencyEditRefusal, loadPartnershipAgency, lockPartnershipAgencies, reloadAgency } from "./load-agency";

export const setAgencyHoursSchema = z
  .object({ agencyId: z.uuid("Agency not found"), version: wholeNumber("Reload the page and try again") })
  .and(workingHoursSchema);

/**
 * Sets when an agency works: round the clock, or office hours (opening and closing times in London
 * time, on working days). Round the clock keeps the last office hours stored, for next time.
 */
export async function setAgencyHours(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ agencyId: string }>> {
  await requirePermission(db, actor, "admin.manage", { entity: "Agency", entityId: idFromInput(rawInput, "agencyId") });
  const parsed = setAgencyHoursSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { agencyId, version, ...hours } = parsed.data;

  await loadPartnershipAgency(db, actor, agencyId, "agency.hours_update");
  return db.$transaction(async (tx): Promise<Result<{ agencyId: string }>> => {
    await lockPartnershipAgencies(tx, actor.partnershipId);
    const agency = await reloadAgency(tx, agencyId);
    const refusal = agencyEditRefusal(agency, version);
    if (refusal) return refusal;
    const after = hours.officeHoursOnly
      ? { officeHoursOnly: true, opensAtMinute: hours.opensAtMinute, closesAtMinute: hours.closesAtMinute }
      : { officeHoursOnly: false, opensAtMinute: agency.opensAtMinute, closesAtMinute: agency.closesAtMinute };
    const changes: AuditChanges = {};
    if (after.officeHoursOnly !== agency.officeHoursOnly) changes.officeHoursOnly = { before: agency.officeHoursOnly, after: after.officeHoursOnly };
    if (after.opensAtMinute !== agency.opensAtMinute) changes.opensAt = { before: timeFromMinutes(agency.opensAtMinute), after: timeFromMinutes(after.opensAtMinute) };
    if (after.closesAtMinute !== agency.closesAtMinute) changes.closesAt = { before: timeFromMinutes(agency.closesAtMinute), after: timeFromMinutes(after.closesAtMinute) };
    if (Object.keys(changes).length === 0) return ok({ agencyId });
    await tx.agency.update({ where: { id: agency.id }, data: { ...after, version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "agency.hours_update", entity: "Agency", entityId: agency.id, changes });
    return ok({ agencyId });
  });
}
