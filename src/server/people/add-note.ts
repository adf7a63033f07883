import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { invalid, ok, type Result } from "@/domain/result";

export const addNoteSchema = z.object({
  personId: z.string().uuid("Person not found"),
  text: typedText({ multiline: true }).trim().min(1, "Enter the note").max(2000, "Enter 2000 characters or fewer"),
  // The form always sends one (General is pre-selected); a caller that sends none gets the form's default.
  sensitivity: z.enum(["GENERAL", "HEALTH", "POLICE"], { error: "Select who can read this note" }).default("GENERAL"),
});

/**
 * Adds a note to a person's timeline, with who may read it (`readableTimeline`): every agency working
 * with the person, health only or police only; the writer's agency always reads its own notes. The
 * audit row records that a note was added, never its text.
 */
export async function addNote(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "note.add", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = addNoteSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);

  const person = await db.person.findFirst({ where: { AND: [{ id: parsed.data.personId }, visiblePeople(actor)] }, select: { id: true } });
  if (!person) {
    await recordAudit(db, actor, { action: "note.add", entity: "Person", entityId: parsed.data.personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }

  await db.$transaction(async (tx) => {
    const event = await recordTimeline(tx, actor, {
      personId: person.id,
      kind: "NOTE_ADDED",
      text: parsed.data.text,
      sensitivity: parsed.data.sensitivity,
      occurredAt: now,
    });
    await recordAudit(tx, actor, { action: "note.add", entity: "TimelineEvent", entityId: event.id });
  });
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
