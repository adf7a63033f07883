import "server-only";
import type { Db } from "../db/create-client";
import type { DirectoryUser } from "./partnership-directory";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What each audit row points at, in words an administrator can use: a case reference for anything
 * about a person, a rescue reference, a user's name. Only records of this partnership are named, and
 * never with a person's name: administrators see no case content.
 */
export async function recordLabels(
  db: Db,
  partnershipId: string,
  rows: { entity: string; entityId: string | null }[],
  userById: Map<string, DirectoryUser>,
): Promise<Map<string, string>> {
  const idsOf = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entityId && UUID.test(r.entityId)).map((r) => r.entityId!))];
  const inPartnership = { rescue: { partnershipId } };
  const [people, stages, events, grants, rescues] = await Promise.all([
    db.person.findMany({ where: { id: { in: idsOf("Person") }, ...inPartnership }, select: { id: true, caseReference: true } }),
    db.stage.findMany({
      where: { id: { in: idsOf("Stage") }, person: inPartnership },
      select: { id: true, person: { select: { caseReference: true } }, templateStage: { select: { title: true } } },
    }),
    db.timelineEvent.findMany({ where: { id: { in: idsOf("TimelineEvent") }, person: inPartnership }, select: { id: true, person: { select: { caseReference: true } } } }),
    db.breakGlassAccess.findMany({ where: { id: { in: idsOf("BreakGlassAccess") }, person: inPartnership }, select: { id: true, person: { select: { caseReference: true } } } }),
    db.rescue.findMany({ where: { id: { in: idsOf("Rescue") }, partnershipId }, select: { id: true, reference: true } }),
  ]);

  const labels = new Map<string, string>();
  for (const person of people) labels.set(person.id, person.caseReference);
  for (const stage of stages) labels.set(stage.id, `${stage.person.caseReference}: ${stage.templateStage.title}`);
  for (const event of events) labels.set(event.id, `${event.person.caseReference}: timeline entry`);
  for (const grant of grants) labels.set(grant.id, `${grant.person.caseReference}: break-glass`);
  for (const rescue of rescues) labels.set(rescue.id, rescue.reference);
  for (const row of rows) {
    if (row.entity === "User" && row.entityId) {
      const user = userById.get(row.entityId);
      if (user) labels.set(row.entityId, user.name);
    }
  }
  return labels;
}
