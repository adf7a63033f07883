import "server-only";
import { safetyFlagsView, type SafetyFlagsView } from "@/domain/person/safety-flags";
import { SAFETY_RISKS_SELECT } from "../people/safety-select";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { z } from "zod";
import { roleHasPermission } from "@/domain/access/permissions";
import { clockInputOf, type ClockInput } from "@/domain/pathway/clock";
import type { AgeGroup, Gender, StageState } from "@/domain/types";
import type { CaseCloseReason } from "@/domain/cases/case-closing";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { pseudonymisedCases } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { activeGrant } from "../break-glass/break-glass-rules";
import { PERSON_CLOCK_SELECT, STAGE_CLOCK_SELECT } from "../pathway/clock-select";
import { reviewableMatches } from "../possible-matches/possible-match-view";

export type CaseStageView = {
  id: string;
  key: string;
  title: string;
  ownerAgencyName: string;
  state: StageState;
  clock: ClockInput;
};

/** Shown only while a break-glass grant runs. */
export type BreakGlassIdentity = {
  name: string | null;
  description: string | null;
  dateOfBirth: Date | null;
  contact: string | null;
  shownUntil: Date;
};

export type PseudonymisedCase = {
  id: string;
  caseReference: string;
  ageGroup: AgeGroup;
  gender: Gender;
  interpreterNeeded: boolean;
  rescuedAt: Date;
  atRiskPercent: number;
  stages: CaseStageView[];
  identity: BreakGlassIdentity | null;
  canBreakGlass: boolean;
  /** The risks only: contact instructions can hold a phone number and are not selected here. */
  safety: SafetyFlagsView | null;
  closedAt: Date | null;
  closeReason: CaseCloseReason | null;
  canClose: boolean;
  canReopen: boolean;
  /** Other records of the partnership the coordinator confirmed are this person (re-trafficking risk). */
  sameAs: { personId: string; caseReference: string; rescuedAt: Date }[];
  /** Possible earlier rescues of this person still to check. */
  openPossibleMatches: { id: string }[];
};

/**
 * One case as the partnership coordinator sees it: pathway and clocks, no identity, place, notes or
 * closing reasons (free text may name someone). Identity is added only while this coordinator has a
 * break-glass grant on the person, and each such view is audited as a view of the person's record.
 */
export async function getPseudonymisedCase(db: Db, actor: Actor, personId: string, now = new Date()): Promise<PseudonymisedCase> {
  const id = z.uuid().safeParse(personId).success ? personId : undefined;
  await requirePermission(db, actor, "case.view_pseudonymised", { entity: "Person", entityId: id });
  const person = id
    ? await db.person.findFirst({
        where: { AND: [{ id }, pseudonymisedCases(actor)] },
        select: {
          id: true,
          caseReference: true,
          ageGroup: true,
          gender: true,
          interpreterNeeded: true,
          safety: { select: SAFETY_RISKS_SELECT },
          closedAt: true,
          closeReason: true,
          ...PERSON_CLOCK_SELECT,
          stages: {
            orderBy: { templateStage: { sortOrder: "asc" } },
            select: {
              id: true,
              ...STAGE_CLOCK_SELECT,
              templateStage: { select: { key: true, title: true } },
              ownerAgency: { select: { name: true, retiredAt: true } },
            },
          },
        },
      })
    : null;
  if (!person) {
    await recordAudit(db, actor, { action: "case.view", entity: "Person", entityId: id, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  await recordAudit(db, actor, { action: "case.view", entity: "Person", entityId: person.id });

  const canBreakGlass = roleHasPermission(actor.role, "case.break_glass");
  const identity = canBreakGlass ? await identityUnderBreakGlass(db, actor, person.id, now) : null;

  const { sameAs, openPossibleMatches } = roleHasPermission(actor.role, "possible_match.review")
    ? await possibleMatchesOf(db, actor, person.id)
    : { sameAs: [], openPossibleMatches: [] };

  const t0 = person.rescue.occurredAt;
  return {
    id: person.id,
    caseReference: person.caseReference,
    ageGroup: person.ageGroup,
    gender: person.gender,
    interpreterNeeded: person.interpreterNeeded,
    rescuedAt: t0,
    atRiskPercent: person.template.atRiskPercent,
    stages: person.stages.map((stage) => ({
      id: stage.id,
      key: stage.templateStage.key,
      title: stage.templateStage.title,
      ownerAgencyName: agencyDisplayName(stage.ownerAgency),
      state: stage.state,
      clock: clockInputOf(stage, t0),
    })),
    identity,
    canBreakGlass,
    safety: safetyFlagsView(person.safety),
    closedAt: person.closedAt,
    closeReason: person.closeReason,
    canClose: roleHasPermission(actor.role, "case.close") && person.closedAt === null,
    canReopen: roleHasPermission(actor.role, "case.reopen") && person.closedAt !== null,
    sameAs,
    openPossibleMatches,
  };
}

async function possibleMatchesOf(db: Db, actor: Actor, personId: string) {
  const side = { select: { id: true, caseReference: true, rescue: { select: { occurredAt: true } } } };
  const matches = await db.possibleMatch.findMany({
    where: { AND: [reviewableMatches(actor), { state: { in: ["OPEN", "SAME_PERSON"] } }, { OR: [{ personId }, { earlierPersonId: personId }] }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, state: true, person: side, earlierPerson: side },
  });
  const sameAs = matches
    .filter((match) => match.state === "SAME_PERSON")
    .map((match) => (match.person.id === personId ? match.earlierPerson : match.person))
    .map((other) => ({ personId: other.id, caseReference: other.caseReference, rescuedAt: other.rescue.occurredAt }));
  return { sameAs, openPossibleMatches: matches.filter((match) => match.state === "OPEN").map(({ id }) => ({ id })) };
}

async function identityUnderBreakGlass(db: Db, actor: Actor, personId: string, now: Date): Promise<BreakGlassIdentity | null> {
  const grant = await db.breakGlassAccess.findFirst({
    where: activeGrant(actor, personId, now),
    orderBy: { expiresAt: "desc" },
    select: { expiresAt: true },
  });
  if (!grant) return null;
  const identity = await db.personIdentity.findUnique({
    where: { personId },
    select: { name: true, description: true, dateOfBirth: true, contact: true },
  });
  // Audited like any other view of the record, so it shows in "who has seen this person".
  await recordAudit(db, actor, { action: "person.view", entity: "Person", entityId: personId });
  return {
    name: identity?.name ?? null,
    description: identity?.description ?? null,
    dateOfBirth: identity?.dateOfBirth ?? null,
    contact: identity?.contact ?? null,
    shownUntil: grant.expiresAt,
  };
}
