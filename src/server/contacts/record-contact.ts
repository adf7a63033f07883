import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { CONTACT_METHODS, CONTACT_OUTCOMES, contactTimeProblem, describeContact } from "@/domain/contact/contact-watch";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import { parseLondonInputValue } from "@/domain/time/london";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";

// `now`: the future and a mistyped year are refused with the other fields' errors, on the first submit.
export const recordContactSchema = (now: Date) => z.object({
  personId: z.uuid("Person not found"),
  occurredAt: typedText({ error: "Enter when the contact was" })
    .trim()
    .min(1, "Enter when the contact was")
    .transform((value, ctx) => {
      const date = parseLondonInputValue(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "Enter a real date and time, for example 23/11/2026 14:30" });
        return z.NEVER;
      }
      const problem = contactTimeProblem(date, now);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return date;
    }),
  method: z.enum(CONTACT_METHODS, { error: "Select how the contact was made or tried" }),
  outcome: z.enum(CONTACT_OUTCOMES, { error: "Select whether you reached the person" }),
  // A checkbox: "yes" when ticked, absent when not.
  interpreterUsed: z.enum(["yes"], { error: "Tick the box, or leave it empty" }).optional(),
});

export type RecordedContact = { personId: string; contactId: string };

/**
 * Records a contact with the person (made, or tried and not reached) by the user's agency, which must
 * be working with them, on a live case. A contact made ends any gap in contact; the timeline says how
 * it happened, never what was said. Audited.
 */
export async function recordContact(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<RecordedContact>> {
  await requirePermission(db, actor, "contact.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = recordContactSchema(now).safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const person = await db.person.findFirst({
    where: { AND: [{ id: input.personId }, visiblePeople(actor)] },
    select: { id: true, closedAt: true, rescue: { select: { occurredAt: true } } },
  });
  if (!person) {
    await recordAudit(db, actor, { action: "contact.record", entity: "Person", entityId: input.personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  if (person.closedAt) return refused("case-closed", "This case is closed: reopen it before recording contact.");
  const problem = contactTimeProblem(input.occurredAt, now, person.rescue.occurredAt);
  if (problem) return fieldRefused("occurredAt", problem);

  const contact = { method: input.method, outcome: input.outcome, interpreterUsed: input.interpreterUsed === "yes" };
  const created = await db.$transaction(async (tx) => {
    const row = await tx.contact.create({
      data: { personId: person.id, agencyId: actor.agencyId, recordedById: actor.id, occurredAt: input.occurredAt, ...contact },
      select: { id: true },
    });
    await recordTimeline(tx, actor, { personId: person.id, kind: "CONTACT_RECORDED", text: describeContact(contact), occurredAt: input.occurredAt });
    await recordAudit(tx, actor, { action: "contact.record", entity: "Contact", entityId: row.id });
    return row;
  });
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id, contactId: created.id });
}
