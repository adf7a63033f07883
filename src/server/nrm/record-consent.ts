import "server-only";
import { z } from "zod";
import { CONSENT_METHODS, CONSENT_PURPOSE_LABELS, CONSENT_PURPOSES, CHILD_NRM_CONSENT_MESSAGE, mayRecordConsent, purposeNamesAgencies } from "@/domain/nrm/consent";
import { beforeRescue, checkDay, dayToDb } from "@/domain/nrm/dates";
import { formatDay } from "@/domain/nrm/nrm-referral";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import { londonToday } from "@/domain/time/london-day";
import { isTreatedAsChild } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadNrmPerson } from "./load-nrm-person";
import { choice, lineOfText, nameableAgencies, tickedIds } from "./nrm-input";

export const INTERPRETER_NOT_INDEPENDENT =
  "Consent must be explained by an independent professional interpreter, never someone who came with the person. Book one and explain it again.";

export const recordConsentSchema = z
  .object({
    personId: z.uuid("Person not found"),
    purpose: choice(CONSENT_PURPOSES, "Choose what the consent is for"),
    agencyIds: tickedIds,
    decision: choice(["GIVEN", "REFUSED"], "Choose whether the person gave or refused consent"),
    decidedOn: z.unknown(),
    explainedBy: lineOfText("Enter who explained it (name and role)", 120),
    language: lineOfText("Enter the language it was explained in", 60),
    interpreterUsed: choice(["yes", "no"], "Choose whether an interpreter was used"),
    interpreter: z.string().optional(),
    interpreterIndependent: z.string().optional(),
    method: choice(CONSENT_METHODS, "Choose how it was explained"),
  })
  .superRefine((input, context) => {
    if (input.interpreterUsed !== "yes") return;
    const named = lineOfText("Enter the interpreter's name or booking reference", 120).safeParse(input.interpreter ?? "");
    if (!named.success) context.addIssue({ code: "custom", path: ["interpreter"], message: named.error.issues[0]!.message });
    if (input.interpreterIndependent !== "yes") context.addIssue({ code: "custom", path: ["interpreterIndependent"], message: INTERPRETER_NOT_INDEPENDENT });
  });

/**
 * Records what a person agreed to or refused, for one purpose and the agencies it names (one row per
 * agency; a later decision for the same purpose and agency supersedes the earlier). Police and
 * councils only. A child is never asked to consent to the NRM. The date is not in the future nor
 * before the rescue; an interpreter is named and independent. One transaction with its timeline entry
 * and audit row.
 */
export async function recordConsent(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "consent.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = recordConsentSchema.safeParse(rawInput);
  const person = await loadNrmPerson(db, actor, idFromInput(rawInput, "personId"), "consent.record");
  if (!mayRecordConsent(actor.agencyKind)) {
    await recordAudit(db, actor, { action: "consent.record", entity: "Person", entityId: person.id, outcome: "denied" });
    return refused("not-first-responder", "Only police and councils (First Responders) record consent.");
  }
  if (person.closedAt) return refused("case-closed", "This person's case is closed.");
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  if (input.purpose === "NRM_REFERRAL" && isTreatedAsChild(person.ageGroup)) return fieldRefused("purpose", CHILD_NRM_CONSENT_MESSAGE);
  const rescueDay = londonToday(person.rescue.occurredAt);
  const decidedOn = checkDay("decidedOn", input.decidedOn, { today: londonToday(now), notBefore: { day: rescueDay, message: beforeRescue } });
  if (!decidedOn.ok) return decidedOn;

  let agencies: { id: string; name: string }[] = [];
  if (purposeNamesAgencies(input.purpose)) {
    if (input.agencyIds.length === 0) return fieldRefused("agencyIds", "Choose the agencies this consent is about");
    agencies = await db.agency.findMany({ where: { AND: [{ id: { in: input.agencyIds } }, nameableAgencies(actor)] }, select: { id: true, name: true } });
    if (agencies.length !== new Set(input.agencyIds).size) return fieldRefused("agencyIds", "Choose agencies from the list");
  }

  const interpreter = input.interpreterUsed === "yes" ? (input.interpreter ?? "").trim() : null;
  const given = input.decision === "GIVEN";
  const targets: (string | null)[] = agencies.length ? agencies.map((agency) => agency.id) : [null];
  await db.$transaction(async (tx) => {
    for (const agencyId of targets) {
      await tx.consent.updateMany({ where: { personId: person.id, purpose: input.purpose, agencyId, supersededAt: null }, data: { supersededAt: now } });
      await tx.consent.create({
        data: {
          personId: person.id,
          purpose: input.purpose,
          agencyId,
          given,
          decidedOn: dayToDb(decidedOn.data),
          explainedBy: input.explainedBy,
          language: input.language,
          interpreter,
          interpreterIndependent: interpreter ? true : null,
          method: input.method,
          recordedById: actor.id,
          recordedByAgencyId: actor.agencyId,
          recordedAt: now,
        },
      });
    }
    const names = agencies.map((agency) => agency.name).join(", ");
    await recordTimeline(tx, actor, {
      personId: person.id,
      kind: "CONSENT_RECORDED",
      text: `${CONSENT_PURPOSE_LABELS[input.purpose]}${names ? ` (${names})` : ""}: ${given ? "given" : "refused"} on ${formatDay(decidedOn.data)}`,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "consent.record", entity: "Person", entityId: person.id });
  });
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
