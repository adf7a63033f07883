import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { isTreatedAsChild } from "@/domain/types";
import { fieldRefused, invalid, ok, refused, type Result } from "@/domain/result";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { loadVisiblePerson } from "./load-visible-person";

export const linkDependantSchema = z.object({
  personId: z.string().uuid("Person not found"),
  parentPersonId: z.string({ error: "Choose the parent this child came with" }).uuid("Choose the parent this child came with"),
});

export const CHILD_ONLY_MESSAGE = "Only a child, or a person whose age is disputed, can be linked as someone's child";
const SAME_RESCUE_MESSAGE = "Choose a parent from the same rescue";

/** Whether making `parentId` the parent of `childId` would make someone their own ancestor. */
export function makesLoop(parentOf: Map<string, string | null>, childId: string, parentId: string): boolean {
  let current: string | null | undefined = parentId;
  for (let steps = 0; current && steps < 100; steps += 1) {
    if (current === childId) return true;
    current = parentOf.get(current);
  }
  return false;
}

/**
 * Links a child to the parent they were rescued with, after the rescue (the rescue form links them as
 * it logs them). Both must be visible to this user and from the same rescue; the child must be treated
 * as a child, so their own pathway has the children's services stages with their own clocks.
 */
export async function linkDependant(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "person.link_dependant", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = linkDependantSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const child = await loadVisiblePerson(db, actor, input.personId, "person.link_dependant", { id: true, rescueId: true, ageGroup: true, parentPersonId: true });
  if (!isTreatedAsChild(child.ageGroup)) return refused("invalid-input", CHILD_ONLY_MESSAGE);
  if (input.parentPersonId === child.id) return fieldRefused("parentPersonId", "A person cannot be their own parent");
  if (child.parentPersonId === input.parentPersonId) return refused("no-change", "This child is already linked to that parent.");

  // The same answer for a parent from another rescue and one this user cannot see: neither is confirmed.
  const parent = await db.person.findFirst({ where: { AND: [{ id: input.parentPersonId, rescueId: child.rescueId }, visiblePeople(actor)] }, select: { id: true } });
  if (!parent) return fieldRefused("parentPersonId", SAME_RESCUE_MESSAGE);
  const rescuePeople = await db.person.findMany({ where: { rescueId: child.rescueId }, select: { id: true, parentPersonId: true } });
  if (makesLoop(new Map(rescuePeople.map((person) => [person.id, person.parentPersonId])), child.id, parent.id)) {
    return fieldRefused("parentPersonId", "That person is already this child's dependant: choose their parent instead");
  }

  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: child.id }, data: { parentPersonId: parent.id } });
    await recordTimeline(tx, actor, { personId: child.id, kind: "DEPENDANT_LINKED", occurredAt: new Date() });
    await recordAudit(tx, actor, { action: "person.link_dependant", entity: "Person", entityId: child.id, changes: { parentPersonId: { before: child.parentPersonId, after: parent.id } } });
  });
  await publishChangesAfterCommit(db, [child.id, parent.id]);
  return ok({ personId: child.id });
}

const UNLINK_REASON_MAX = 500;

export const unlinkDependantSchema = z.object({
  personId: z.string().uuid("Person not found"),
  reason: typedText({ multiline: true })
    .trim()
    .min(1, "Enter why the link to this parent is wrong or has ended")
    .max(UNLINK_REASON_MAX, `Enter ${UNLINK_REASON_MAX} characters or fewer`),
});

/**
 * Unlinks a child from the parent they were linked to (a link made in error, or a "parent" found not
 * to be one), with a reason. Who may: the same as linking (`person.link_dependant`, and the child in
 * this user's view). Nothing is deleted: the link's history stays on both timelines and in the audit
 * log. The reason is on the child's timeline only: the parent's entry says a child was unlinked and
 * nothing more, because a reader of the parent's record may not see the child. The write is made
 * against the parent the page showed, so two people unlinking or relinking at once cannot cross.
 */
export async function unlinkDependant(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "person.link_dependant", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = unlinkDependantSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const child = await loadVisiblePerson(db, actor, input.personId, "person.link_dependant", { id: true, parentPersonId: true });
  const parentId = child.parentPersonId;
  if (!parentId) return refused("no-change", "This person is not linked to a parent.");

  const now = new Date();
  const unlinked = await db.$transaction(async (tx) => {
    const { count } = await tx.person.updateMany({ where: { id: child.id, parentPersonId: parentId }, data: { parentPersonId: null } });
    if (count === 0) return false;
    await recordTimeline(tx, actor, { personId: child.id, kind: "DEPENDANT_UNLINKED", text: input.reason, occurredAt: now });
    await recordTimeline(tx, actor, { personId: parentId, kind: "DEPENDANT_UNLINKED", occurredAt: now });
    await recordAudit(tx, actor, { action: "person.unlink_dependant", entity: "Person", entityId: child.id, changes: { parentPersonId: { before: parentId, after: null } } });
    return true;
  });
  if (!unlinked) return refused("stale-version", "Someone else changed this child's link while you were looking at it. Nothing was saved: check the page as it is now.");
  await publishChangesAfterCommit(db, [child.id, parentId]);
  return ok({ personId: child.id });
}
