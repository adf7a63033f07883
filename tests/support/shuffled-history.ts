// A generated history moved into every shape the visibility rule has a clause for: stages in every
// state (and closing reason), some handed to another agency, cases closed and reopened, rescues logged
// by another agency, consent to sharing refused, given, withdrawn or superseded, lawful bases, and
// referrals waiting or answered. For the tests that hold a rule's Prisma and SQL forms equal.
import type { Random } from "../../prisma/seed/random";
import { CLOSED_WITH_CASE_REASON } from "../../src/domain/cases/case-closing";
import type { StageState } from "../../src/domain/types";
import type { Prisma } from "../../src/generated/prisma/client";
import type { Db } from "../../src/server/db/create-client";

const STATES: StageState[] = ["NOT_STARTED", "IN_PROGRESS", "PAUSED", "DONE", "NOT_NEEDED", "DECLINED"];
const REASONS = [CLOSED_WITH_CASE_REASON, "Has support from family", null];

/** Moves a share of the generated history into every shape the rule has a clause for. */
export async function shuffleHistory(db: Db, partnershipId: string, rng: Random, now: Date): Promise<void> {
  const agencies = await db.agency.findMany({ where: { partnershipId, kind: { notIn: ["PARTNERSHIP", "PCC_OFFICE"] } }, select: { id: true } });
  const staff = await db.user.findMany({ where: { agency: { partnershipId } }, select: { id: true, agencyId: true } });
  const userOf = (agencyId: string) => staff.find((user) => user.agencyId === agencyId)!.id;
  const agencyIds = agencies.map((agency) => agency.id);
  const people = await db.person.findMany({ where: { rescue: { partnershipId } }, select: { id: true, rescueId: true, stages: { select: { id: true, ownerAgencyId: true } } } });

  // Stages: new states (and closing reasons), some to another agency.
  const changes = new Map<string, string[]>();
  for (const person of people) {
    for (const stage of person.stages) {
      if (!rng.chance(0.35)) continue;
      const state = rng.pick(STATES);
      const reason = state === "NOT_NEEDED" ? rng.pick(REASONS) : null;
      const owner = rng.chance(0.3) ? rng.pick(agencyIds) : stage.ownerAgencyId;
      const key = JSON.stringify([state, reason, owner]);
      changes.set(key, [...(changes.get(key) ?? []), stage.id]);
    }
  }
  for (const [key, ids] of changes) {
    const [state, closingReason, ownerAgencyId] = JSON.parse(key) as [StageState, string | null, string];
    await db.stage.updateMany({ where: { id: { in: ids } }, data: { state, closingReason, ownerAgencyId } });
  }

  // Cases closed and reopened; rescues logged by another agency.
  const flip = people.filter(() => rng.chance(0.2)).map((person) => person.id);
  await db.$executeRaw`UPDATE "Person" SET "closedAt" = CASE WHEN "closedAt" IS NULL THEN ${now}::timestamptz ELSE NULL END WHERE "id" = ANY(${flip}::uuid[])`;
  const rescues = [...new Set(people.map((person) => person.rescueId))];
  for (const agencyId of agencyIds) {
    const moved = rescues.filter(() => rng.chance(0.1));
    await db.rescue.updateMany({ where: { id: { in: moved } }, data: { loggedByAgencyId: agencyId, loggedById: userOf(agencyId) } });
  }

  // Consent to share with an agency: refused, given, withdrawn, or an old refusal superseded; lawful bases.
  const consents: Prisma.ConsentCreateManyInput[] = [];
  const bases: Prisma.SharingBasisCreateManyInput[] = [];
  const referrals: Prisma.ReferralCreateManyInput[] = [];
  const decidedOn = new Date("2026-01-05");
  for (const person of people) {
    for (const agencyId of agencyIds) {
      const recorded = { personId: person.id, purpose: "AGENCY_SHARING" as const, agencyId, recordedById: userOf(agencyId), recordedByAgencyId: agencyId };
      const consent = { ...recorded, decidedOn, explainedBy: "A Fictional Officer", language: "English", method: "IN_PERSON" as const };
      const roll = rng.float();
      if (roll < 0.12) consents.push({ ...consent, given: false });
      else if (roll < 0.2) consents.push({ ...consent, given: true });
      else if (roll < 0.28) consents.push({ ...consent, given: true, withdrawnOn: decidedOn, withdrawnById: recorded.recordedById, withdrawnAt: now });
      if (rng.chance(0.06)) consents.push({ ...consent, given: false, supersededAt: now });
      if (rng.chance(0.08)) bases.push({ ...recorded, basis: "SAFEGUARDING_ADULT", decidedBy: "A Fictional Lead", reason: "Risk of harm", decidedOn });
    }
    // Referrals, waiting or answered, to an agency that may have no other part in the case.
    for (const stage of person.stages) {
      if (!rng.chance(0.05)) continue;
      const toAgencyId = rng.pick(agencyIds.filter((id) => id !== stage.ownerAgencyId));
      const state = rng.pick(["PENDING", "PENDING", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const);
      referrals.push({ stageId: stage.id, fromAgencyId: stage.ownerAgencyId, toAgencyId, referredById: userOf(stage.ownerAgencyId), state });
    }
  }
  await db.consent.createMany({ data: consents });
  await db.sharingBasis.createMany({ data: bases });
  await db.referral.createMany({ data: referrals });
}
