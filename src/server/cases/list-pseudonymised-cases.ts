import "server-only";
import { safetyFlagsView, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { SAFETY_RISKS_SELECT } from "../people/safety-select";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import type { ClockInput } from "@/domain/pathway/clock";
import type { AgeGroup } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { pseudonymisedCases } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { PERSON_CLOCK_SELECT, STAGE_CLOCK_SELECT } from "../pathway/clock-select";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";
import { comparePersonUrgency, openStagesByUrgency } from "@/domain/pathway/clock";

export type CaseRow = {
  id: string;
  caseReference: string;
  ageGroup: AgeGroup;
  rescuedAt: Date;
  nextStage: { title: string; ownerAgencyName: string; clock: ClockInput } | null;
  openStages: number;
  atRiskPercent: number;
  /** The risks only (no contact instructions). */
  safety: SafetyFlagsView | null;
};

/**
 * Every live case in the coordinator's partnership, pseudonymised, most urgent first. The query
 * selects column by column: identity, the place of rescue, notes and addresses are never loaded, so
 * they cannot leak through this list by mistake.
 */
export async function listPseudonymisedCases(db: Db, actor: Actor, now = new Date()): Promise<CaseRow[]> {
  await requirePermission(db, actor, "case.view_pseudonymised", { entity: "Person" });
  const people = await db.person.findMany({
    where: { AND: [pseudonymisedCases(actor), { closedAt: null }] },
    select: {
      id: true,
      caseReference: true,
      ageGroup: true,
      safety: { select: SAFETY_RISKS_SELECT },
      ...PERSON_CLOCK_SELECT,
      stages: {
        where: OPEN_STAGE_WHERE,
        orderBy: { templateStage: { sortOrder: "asc" } },
        select: { ...STAGE_CLOCK_SELECT, templateStage: { select: { title: true } }, ownerAgency: { select: { name: true, retiredAt: true } } },
      },
    },
  });
  await recordAudit(db, actor, { action: "case.list", entity: "Person" });

  return people
    .map((person) => {
      const t0 = person.rescue.occurredAt;
      const open = openStagesByUrgency(person.stages, t0, now, person.template.atRiskPercent);
      const next = open[0];
      const row: CaseRow = {
        id: person.id,
        caseReference: person.caseReference,
        ageGroup: person.ageGroup,
        rescuedAt: t0,
        nextStage: next
          ? { title: next.stage.templateStage.title, ownerAgencyName: agencyDisplayName(next.stage.ownerAgency), clock: next.input }
          : null,
        openStages: open.length,
        atRiskPercent: person.template.atRiskPercent,
        safety: safetyFlagsView(person.safety),
      };
      return { row, urgency: next?.clock ?? null };
    })
    .sort((a, b) => comparePersonUrgency(a.urgency, b.urgency))
    .map(({ row }) => row);
}
