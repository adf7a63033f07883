import "server-only";
import { ALWAYS_NEEDED_KINDS, orderMoveTargets } from "@/domain/agencies/agency-details";
import { refused, type Refusal } from "@/domain/result";
import { AGENCY_KIND_LABELS } from "@/domain/types";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import type { Db } from "../db/create-client";
import { getCurrentTemplate } from "../pathway/current-template";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";
import { REFERRAL_AGENCY_KINDS } from "../stages/referral-targets";
import { ACTIVE_AGENCY_WHERE } from "./agency-filters";
import type { AdminAgency } from "./load-agency";

type Tx = Prisma.TransactionClient | Db;

export type RetirementBlocker =
  | { code: "owns-pathway-stages"; pathwayVersion: number; stageTitles: string[] }
  | { code: "last-of-kind"; kindLabel: string }
  | { code: "has-active-staff"; activeStaff: number };

export type RetirementPlan = {
  blockers: RetirementBlocker[];
  /** Open stages the agency owns: they move to the agency the administrator picks. */
  openStages: number;
  /** Referrals waiting for this agency's answer: they are declined, and the stage stays with the referring agency. */
  referralsWaitingOnIt: number;
  /** Referrals this agency made that wait for an answer: they are withdrawn (the new owner may refer again). */
  referralsItMade: number;
  /** Where the open stages may go: other active casework agencies, the same kind first. */
  moveTargets: { id: string; name: string; kind: AdminAgency["kind"] }[];
};

/**
 * What retiring this agency would do, and what stops it: the partnership's current pathway names it
 * as a stage owner (change the pathway first), it is the last active agency of a kind the partnership
 * needs, or it still has active staff. Read by the retire page and again, under the lock, by the use case.
 */
export async function planRetirement(db: Tx, actor: Actor, agency: AdminAgency): Promise<RetirementPlan> {
  const partnershipId = actor.partnershipId;
  // The same "current version" new people start on, so the pathway editor's rule is the one used here.
  const current = await getCurrentTemplate(db, partnershipId);
  const ownerKinds = await db.agency.findMany({ where: { id: { in: current.stages.map((stage) => stage.ownerAgencyId) } }, select: { kind: true } });
  const [activeStaff, openStages, referralsWaitingOnIt, referralsItMade, sameKindActive, candidates] = await Promise.all([
    db.user.count({ where: { agencyId: agency.id, active: true } }),
    db.stage.count({ where: { ownerAgencyId: agency.id, ...OPEN_STAGE_WHERE } }),
    db.referral.count({ where: { toAgencyId: agency.id, state: "PENDING" } }),
    db.referral.count({ where: { fromAgencyId: agency.id, state: "PENDING" } }),
    db.agency.count({ where: { partnershipId, kind: agency.kind, id: { not: agency.id }, ...ACTIVE_AGENCY_WHERE } }),
    db.agency.findMany({
      where: { partnershipId, id: { not: agency.id }, kind: { in: [...REFERRAL_AGENCY_KINDS] }, ...ACTIVE_AGENCY_WHERE },
      select: { id: true, name: true, kind: true },
    }),
  ]);

  const blockers: RetirementBlocker[] = [];
  const owned = current.stages.filter((stage) => stage.ownerAgencyId === agency.id);
  if (owned.length > 0) {
    blockers.push({ code: "owns-pathway-stages", pathwayVersion: current.version, stageTitles: owned.map((stage) => stage.title) });
  }
  const neededKinds = new Set([...ALWAYS_NEEDED_KINDS, ...ownerKinds.map((owner) => owner.kind)]);
  if (neededKinds.has(agency.kind) && sameKindActive === 0) blockers.push({ code: "last-of-kind", kindLabel: AGENCY_KIND_LABELS[agency.kind] });
  if (activeStaff > 0) blockers.push({ code: "has-active-staff", activeStaff });

  return { blockers, openStages, referralsWaitingOnIt, referralsItMade, moveTargets: orderMoveTargets(candidates, agency) };
}

/** A blocker in plain words, as the coded refusal the use case returns. */
export function retirementRefused(agencyName: string, blocker: RetirementBlocker): Refusal {
  switch (blocker.code) {
    case "owns-pathway-stages":
      return refused(
        blocker.code,
        `The current pathway (version ${blocker.pathwayVersion}) names ${agencyName} as the owner of ${blocker.stageTitles.join(", ")}. Change the pathway first, then retire the agency.`,
      );
    case "last-of-kind":
      return refused(
        blocker.code,
        `${agencyName} is the partnership's last active agency of the kind “${blocker.kindLabel}”, and the partnership needs one. Add another of that kind first.`,
      );
    case "has-active-staff":
      return refused(
        blocker.code,
        `${agencyName} still has ${blocker.activeStaff} active ${blocker.activeStaff === 1 ? "member" : "members"} of staff. Move them to another agency or switch their accounts off first.`,
      );
  }
}
