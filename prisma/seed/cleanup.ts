// Undoes a half-finished seed, so that a failed run does not leave a partnership that the next run
// would take for complete demo data ("already present") and skip.
import type { Db } from "../../src/server/db/create-client";

export async function removeDemoPartnership(db: Db, slug: string): Promise<void> {
  const partnership = await db.partnership.findUnique({ where: { slug } });
  if (!partnership) return;
  const inPartnership = { rescue: { partnershipId: partnership.id } };
  await db.timelineEvent.deleteMany({ where: { person: inPartnership } });
  await db.escalation.deleteMany({ where: { stage: { person: inPartnership } } });
  await db.contact.deleteMany({ where: { person: inPartnership } });
  await db.contactGapNotice.deleteMany({ where: { person: inPartnership } });
  await db.caseClosure.deleteMany({ where: { person: inPartnership } });
  await db.stage.deleteMany({ where: { person: inPartnership } });
  await db.accommodationPlacement.deleteMany({ where: { person: inPartnership } });
  await db.personIdentity.deleteMany({ where: { person: inPartnership } });
  await db.person.deleteMany({ where: inPartnership });
  await db.rescue.deleteMany({ where: { partnershipId: partnership.id } });
  await db.user.deleteMany({ where: { agency: { partnershipId: partnership.id } } });
  await db.pathwayStageTemplate.deleteMany({ where: { template: { partnershipId: partnership.id } } });
  await db.pathwayTemplate.deleteMany({ where: { partnershipId: partnership.id } });
  await db.agency.deleteMany({ where: { partnershipId: partnership.id } });
  await db.partnership.delete({ where: { id: partnership.id } });
  // Audit rows stay: the log is append-only by design, and they name no person.
}
