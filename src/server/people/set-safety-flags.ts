import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { SAFETY_RISKS } from "@/domain/person/safety-flags";
import { invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadVisiblePerson } from "./load-visible-person";

const instructions = (label: string) =>
  typedText({ multiline: true })
    .trim()
    .max(300, `${label} must be 300 characters or fewer`)
    .optional()
    .transform((value) => value || null);

export const safetyFlagsSchema = z.object({
  personId: z.string().uuid("Person not found"),
  version: wholeNumber("Reload the page and try again: the form is out of date"),
  safeContact: instructions("Safe ways to contact"),
  neverContact: instructions("Ways never to use"),
  risks: z
    .union([z.enum(SAFETY_RISKS, { error: "Select risks from the list" }), z.array(z.enum(SAFETY_RISKS, { error: "Select risks from the list" }))])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

export const STALE_SAFETY_MESSAGE =
  "Someone else changed this person's record since you opened the form. Nothing was saved. Check the flags shown now, then save again: your answers are kept.";

/**
 * Sets a person's safety flags: safe ways to contact, ways never to use, and the risks (tipping off,
 * re-trafficking, do not disclose whereabouts). Who may: every agency working with the person (all who
 * see them in full, health too: it must contact them safely). Version-checked like corrections. What
 * the flags say goes nowhere but PersonSafety: the timeline entry, the audit row and the live message
 * say only that they changed.
 */
export async function setSafetyFlags(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "person.safety_flags", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = safetyFlagsSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const person = await loadVisiblePerson(db, actor, input.personId, "person.safety_flags", { id: true, version: true });
  if (person.version !== input.version) return refused("stale-version", STALE_SAFETY_MESSAGE);

  const flags = {
    safeContact: input.safeContact,
    neverContact: input.neverContact,
    tippingOffRisk: input.risks.includes("tippingOffRisk"),
    reTraffickingRisk: input.risks.includes("reTraffickingRisk"),
    doNotDiscloseWhereabouts: input.risks.includes("doNotDiscloseWhereabouts"),
    updatedAt: new Date(),
    updatedById: actor.id,
  };
  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.person.updateMany({ where: { id: person.id, version: person.version }, data: { version: { increment: 1 } } });
    if (count === 0) return false;
    await tx.personSafety.upsert({ where: { personId: person.id }, create: { personId: person.id, ...flags }, update: flags });
    await recordTimeline(tx, actor, { personId: person.id, kind: "SAFETY_FLAGS_CHANGED", occurredAt: flags.updatedAt });
    await recordAudit(tx, actor, { action: "person.safety_flags", entity: "Person", entityId: person.id });
    return true;
  });
  if (!saved) return refused("stale-version", STALE_SAFETY_MESSAGE);
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
