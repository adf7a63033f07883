import "server-only";
import { safetyFlagsView, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { SAFETY_SELECT } from "./safety-select";
import { comparePersonUrgency, openStagesByUrgency, type Clock, type ClockInput } from "@/domain/pathway/clock";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { seesMinimalRecord, visiblePeople } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";
import { personDisplayName } from "@/domain/person-name";

export type PersonRow = {
  id: string;
  caseReference: string;
  displayName: string;
  ageGroup: string;
  rescuedAt: Date;
  /** Null for health's minimal view. */
  place: string | null;
  nextStage: { title: string; ownerAgencyName: string; ownedByMe: boolean; clock: ClockInput } | null;
  openStages: number;
  atRiskPercent: number;
  safety: SafetyFlagsView | null;
};

/**
 * The live cases this user's agency works with, most urgent first: overdue, then at risk, then due
 * soonest. Each row names the person's most urgent open stage.
 */
export async function listAgencyPeople(db: Db, actor: Actor, now = new Date()): Promise<PersonRow[]> {
  await requirePermission(db, actor, "person.list", { entity: "Person" });
  const people = await db.person.findMany({
    where: { AND: [visiblePeople(actor), { closedAt: null }] },
    // The record key is the dashboard's alone (docs/decisions/0018).
    omit: { cellKey: true },
    include: {
      identity: { select: { name: true, description: true } },
      safety: { select: SAFETY_SELECT },
      rescue: { select: { occurredAt: true, place: !seesMinimalRecord(actor) } },
      template: { select: { atRiskPercent: true } },
      stages: {
        where: OPEN_STAGE_WHERE,
        // Pathway order breaks ties between equally urgent stages, so the row does not flicker.
        orderBy: { templateStage: { sortOrder: "asc" } },
        include: { templateStage: { select: { title: true } }, ownerAgency: { select: { name: true } } },
      },
    },
  });
  await recordAudit(db, actor, { action: "person.list", entity: "Person" });

  const rows = people.map((person) => {
    const open = openStagesByUrgency(person.stages, person.rescue.occurredAt, now, person.template.atRiskPercent);
    const next = open[0];
    const row: PersonRow & { urgency: Clock | null } = {
      id: person.id,
      caseReference: person.caseReference,
      displayName: personDisplayName(person.identity),
      ageGroup: person.ageGroup,
      rescuedAt: person.rescue.occurredAt,
      place: person.rescue.place ?? null,
      nextStage: next
        ? {
            title: next.stage.templateStage.title,
            ownerAgencyName: next.stage.ownerAgency.name,
            ownedByMe: next.stage.ownerAgencyId === actor.agencyId,
            clock: next.input,
          }
        : null,
      openStages: open.length,
      atRiskPercent: person.template.atRiskPercent,
      safety: safetyFlagsView(person.safety),
      urgency: next?.clock ?? null,
    };
    return row;
  });

  rows.sort((a, b) => comparePersonUrgency(a.urgency, b.urgency));
  return rows.map(({ urgency: _urgency, ...row }) => row);
}
