import "server-only";
import { z } from "zod";
import { CONSENT_PURPOSE_LABELS, CONSENT_PURPOSES, LAWFUL_BASES, LAWFUL_BASIS_LABELS, mayRecordConsent, purposeNamesAgencies } from "@/domain/nrm/consent";
import { beforeRescue, checkDay, dayToDb } from "@/domain/nrm/dates";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import { londonToday } from "@/domain/time/london-day";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadNrmPerson } from "./load-nrm-person";
import { choice, lineOfText, nameableAgencies, tickedIds } from "./nrm-input";

export const recordSharingBasisSchema = z.object({
  personId: z.uuid("Person not found"),
  purpose: choice(CONSENT_PURPOSES, "Choose what the information is shared for"),
  agencyIds: tickedIds,
  basis: choice(LAWFUL_BASES, "Choose the lawful basis"),
  decidedBy: lineOfText("Enter who decided (name and role)", 120),
  reason: typedText500(),
  decidedOn: z.unknown(),
});

function typedText500() {
  return lineOfText("Enter why information is shared without consent", 500);
}

/**
 * Sharing without consent: the lawful basis, who decided and why, for a purpose and the agencies it
 * names. Police and councils only. With it, an agency the person refused (or withdrew) sharing with
 * sees them again: the basis, not consent, is what the person's page then says sharing rests on.
 */
export async function recordSharingBasis(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "consent.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const person = await loadNrmPerson(db, actor, idFromInput(rawInput, "personId"), "sharing_basis.record");
  if (!mayRecordConsent(actor.agencyKind)) {
    await recordAudit(db, actor, { action: "sharing_basis.record", entity: "Person", entityId: person.id, outcome: "denied" });
    return refused("not-first-responder", "Only police and councils (First Responders) record a lawful basis for sharing.");
  }
  if (person.closedAt) return refused("case-closed", "This person's case is closed.");
  const parsed = recordSharingBasisSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const decidedOn = checkDay("decidedOn", input.decidedOn, { today: londonToday(now), notBefore: { day: londonToday(person.rescue.occurredAt), message: beforeRescue } });
  if (!decidedOn.ok) return decidedOn;

  let agencies: { id: string; name: string }[] = [];
  if (purposeNamesAgencies(input.purpose)) {
    if (input.agencyIds.length === 0) return fieldRefused("agencyIds", "Choose the agencies information is shared with");
    agencies = await db.agency.findMany({ where: { AND: [{ id: { in: input.agencyIds } }, nameableAgencies(actor)] }, select: { id: true, name: true } });
    if (agencies.length !== new Set(input.agencyIds).size) return fieldRefused("agencyIds", "Choose agencies from the list");
  }
  const targets: (string | null)[] = agencies.length ? agencies.map((agency) => agency.id) : [null];

  await db.$transaction(async (tx) => {
    await tx.sharingBasis.createMany({
      data: targets.map((agencyId) => ({
        personId: person.id,
        purpose: input.purpose,
        agencyId,
        basis: input.basis,
        decidedBy: input.decidedBy,
        reason: input.reason,
        decidedOn: dayToDb(decidedOn.data),
        recordedById: actor.id,
        recordedByAgencyId: actor.agencyId,
        recordedAt: now,
      })),
    });
    const names = agencies.map((agency) => agency.name).join(", ");
    await recordTimeline(tx, actor, {
      personId: person.id,
      kind: "LAWFUL_BASIS_RECORDED",
      text: `${CONSENT_PURPOSE_LABELS[input.purpose]}${names ? ` (${names})` : ""}: ${LAWFUL_BASIS_LABELS[input.basis]}, decided by ${input.decidedBy}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "sharing_basis.record", entity: "Person", entityId: person.id });
  });
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
