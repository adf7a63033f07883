import "server-only";
import { z } from "zod";
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
