import "server-only";
import { STAGE_STATES_WITH_WORK } from "@/domain/pathway/stage-states";
import { CLOSED_WITH_CASE_REASON } from "@/domain/cases/case-closing";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./actor";

const NOBODY: Prisma.PersonWhereInput = { id: { in: [] } };

/**
 * The one rule for which people a user may see in full, as a Prisma filter. Deny by default: a
 * caseworker or lead sees people their agency logged, or while it has work for them: a stage it owns
 * that is open or done, or a stage referred to it and waiting for an answer. A stage the person
 * declined or one marked not needed does not, on its own, keep the agency seeing them
 * (docs/decisions/0003) — except a stage ended by closing the case (docs/decisions/0021). Every other role sees no person record here (the coordinator's
 * pseudonymised view is `pseudonymisedCases`). The lists of live people and the search page read the same rule in SQL
 * (`visiblePersonSql`, below): a change here is a change there.
 */
export function visiblePeople(actor: Actor): Prisma.PersonWhereInput {
  if (actor.role !== "CASEWORKER" && actor.role !== "AGENCY_LEAD") return NOBODY;
  return {
    rescue: { partnershipId: actor.partnershipId },
    OR: [
      { rescue: { loggedByAgencyId: actor.agencyId } },
      {
        AND: [
          {
            OR: [
              { stages: { some: { ownerAgencyId: actor.agencyId, state: { in: [...STAGE_STATES_WITH_WORK] } } } },
              // Work stopped by closing the case is still the agency's: it reopens the case and writes the
              // chronology for a review (a person gone missing), and a reopening gives that work back.
              { stages: { some: { ownerAgencyId: actor.agencyId, state: "NOT_NEEDED", closingReason: CLOSED_WITH_CASE_REASON } } },
              { stages: { some: { referrals: { some: { toAgencyId: actor.agencyId, state: "PENDING" } } } } },
            ],
          },
          sharingNotStopped(actor.agencyId),
        ],
      },
    ],
  };
}

/** The aliases a raw statement may give the person `visiblePersonSql` is asked about. */
export type PersonAlias = "p" | "child" | "other";

/**
 * `visiblePeople` in SQL, as a condition on the person aliased `p` (or `alias`) in a raw statement: the same rule,
 * clause for clause, kept beside it by tests/integration/visibility-sql.test.ts, which compares the two
 * on generated histories (stages in every state, consents, lawful bases, referrals, closed cases,
 * another partnership). It exists for lists of live people: Prisma's form makes "owns a stage of" an
 * EXISTS that Postgres may run once as a hash of every stage the agency ever owned (126,673 for the
 * busiest agency on the 50,000-person history), so the list grew with the history. Here each EXISTS
 * ends in `OFFSET 0`, which Postgres never turns into a hash or a join: each is a probe of this one
 * person's rows by index, and a statement that starts from live people costs what its live people do.
 */
export function visiblePersonSql(actor: Actor, alias: PersonAlias = "p"): Prisma.Sql {
  if (actor.role !== "CASEWORKER" && actor.role !== "AGENCY_LEAD") return Prisma.sql`FALSE`;
  const agency = Prisma.sql`${actor.agencyId}::uuid`;
  const p = Prisma.raw(alias);
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Rescue" vr
    WHERE vr."id" = ${p}."rescueId" AND vr."partnershipId" = ${actor.partnershipId}::uuid AND (
      vr."loggedByAgencyId" = ${agency}
      OR (
        EXISTS (
          SELECT 1 FROM "Stage" vs
          WHERE vs."personId" = ${p}."id" AND (
            (vs."ownerAgencyId" = ${agency} AND (
              vs."state" = ANY(${[...STAGE_STATES_WITH_WORK]}::"StageState"[])
              OR (vs."state" = 'NOT_NEEDED' AND vs."closingReason" = ${CLOSED_WITH_CASE_REASON})))
            OR EXISTS (SELECT 1 FROM "Referral" vf WHERE vf."stageId" = vs."id" AND vf."toAgencyId" = ${agency} AND vf."state" = 'PENDING' OFFSET 0))
          OFFSET 0)
        AND (
          NOT EXISTS (
            SELECT 1 FROM "Consent" vc
            WHERE vc."personId" = ${p}."id" AND vc."purpose" = 'AGENCY_SHARING' AND vc."agencyId" = ${agency} AND vc."supersededAt" IS NULL
              AND (vc."given" = FALSE OR vc."withdrawnOn" IS NOT NULL)
            OFFSET 0)
          OR EXISTS (SELECT 1 FROM "SharingBasis" vb WHERE vb."personId" = ${p}."id" AND vb."purpose" = 'AGENCY_SHARING' AND vb."agencyId" = ${agency} OFFSET 0))))
    OFFSET 0)`;
}

/**
 * Consent to sharing with the partnership's agencies (docs/decisions/0020): where the person's current
 * decision for this agency is a refusal, or a consent since withdrawn, the agency no longer sees them —
 * unless a lawful basis for sharing with it is recorded (safeguarding, crime, vital interests). The
 * agency that logged the rescue keeps its own record: it holds that information already.
 */
function sharingNotStopped(agencyId: string): Prisma.PersonWhereInput {
  return {
    OR: [
      {
        consents: {
          none: { purpose: "AGENCY_SHARING", agencyId, supersededAt: null, OR: [{ given: false }, { withdrawnOn: { not: null } }] },
        },
      },
      { sharingBases: { some: { purpose: "AGENCY_SHARING", agencyId } } },
    ],
  };
}

/**
 * Which consent decisions (and lawful bases) a user reads on a person they see: health (Caldicott)
 * reads only those about health care; everyone else who sees the person reads them all.
 */
export function readableConsents(actor: Actor): Prisma.ConsentWhereInput & Prisma.SharingBasisWhereInput {
  return seesMinimalRecord(actor) ? { purpose: "HEALTH" } : {};
}

/** `readableConsents` in SQL, as a condition on the decision or basis aliased `alias` (read-consent-record.ts). */
export function readableConsentSql(actor: Actor, alias: "c" | "b"): Prisma.Sql {
  return seesMinimalRecord(actor) ? Prisma.sql`${Prisma.raw(alias)}."purpose" = 'HEALTH'` : Prisma.sql`TRUE`;
}

export function visibleRescues(actor: Actor): Prisma.RescueWhereInput {
  if (actor.role !== "CASEWORKER" && actor.role !== "AGENCY_LEAD") return { id: { in: [] } };
  return {
    partnershipId: actor.partnershipId,
    OR: [{ loggedByAgencyId: actor.agencyId }, { people: { some: visiblePeople(actor) } }],
  };
}

/**
 * The partnership coordinator sees every case in their partnership, pseudonymised: the caller must
 * never select identity, notes, places or addresses through this filter (break-glass is the only way
 * to identity). Nobody else gets a pseudonymised view.
 */
export function pseudonymisedCases(actor: Actor): Prisma.PersonWhereInput {
  if (actor.role !== "COORDINATOR") return NOBODY;
  return { rescue: { partnershipId: actor.partnershipId } };
}

/**
 * `pseudonymisedCases` as a condition on the person `p` of a raw statement (the coordinator's live
 * cases, through pageOfLivePeople): a probe of that person's rescue by index, where Prisma's form
 * hashes every rescue the partnership ever logged. tests/integration/visibility-sql.test.ts holds the
 * two equal.
 */
export function pseudonymisedCaseSql(actor: Actor): Prisma.Sql {
  if (actor.role !== "COORDINATOR") return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Rescue" cr WHERE cr."id" = p."rescueId" AND cr."partnershipId" = ${actor.partnershipId}::uuid OFFSET 0)`;
}

/**
 * The cases a user may close or reopen (the role must also hold case.close / case.reopen): an agency
 * lead, people their agency works with — logged, or owns a stage of (an agency only asked to take a
 * stage on, by a referral it has not answered, does not close the case); the coordinator, every case
 * of the partnership (the pseudonymised view: the caller selects no identity).
 */
export function closableCases(actor: Actor): Prisma.PersonWhereInput {
  if (actor.role === "COORDINATOR") return pseudonymisedCases(actor);
  if (actor.role !== "AGENCY_LEAD") return NOBODY;
  return {
    AND: [
      visiblePeople(actor),
      { OR: [{ rescue: { loggedByAgencyId: actor.agencyId } }, { stages: { some: { ownerAgencyId: actor.agencyId } } }] },
    ],
  };
}

/**
 * Health sees identity, the health stage and a minimal summary (Caldicott: only what care needs). The
 * stages a health user sees in full are the ones health owns or has been referred.
 */
export function seesMinimalRecord(actor: Actor): boolean {
  return actor.agencyKind === "HEALTH";
}

/**
 * The stages whose details (closing reasons, their timeline entries) this user may read. Everyone who
 * sees the person reads every stage, except a minimal-record reader (health): only the stages their
 * agency owns or has been referred and not yet answered. The others are shown to them as a title and a
 * state only.
 */
export function stagesSeenInFull(actor: Actor): Prisma.StageWhereInput {
  if (!seesMinimalRecord(actor)) return {};
  return {
    OR: [
      { ownerAgencyId: actor.agencyId },
      { referrals: { some: { toAgencyId: actor.agencyId, state: "PENDING" } } },
    ],
  };
}

/** The accommodation address: only the agency providing the accommodation, and police. */
export function mayReadAccommodation(actor: Actor, placement: { providerAgencyId: string }): boolean {
  if (actor.role !== "CASEWORKER" && actor.role !== "AGENCY_LEAD") return false;
  return actor.agencyKind === "POLICE" || actor.agencyId === placement.providerAgencyId;
}

/**
 * Which timeline entries a user may read, by sensitivity: general entries go to every agency that
 * sees the person; health entries to health; police entries to police; the writer's own agency always
 * reads what it wrote. A minimal-record reader (health) also reads only notes, the rescue being logged,
 * contacts, the case being closed or reopened, and entries about the stages they see in full: what other agencies did on their stages, and why, is
 * not theirs to read. The person's page reads the same rule in SQL (`readableTimelineSql`, below): a change here is a change there.
 */
export function readableTimeline(actor: Actor): Prisma.TimelineEventWhereInput {
  const bySensitivity: Prisma.TimelineEventWhereInput = { OR: [{ sensitivity: { in: readableSensitivities(actor) } }, { actorAgencyId: actor.agencyId }] };
  if (!seesMinimalRecord(actor)) return bySensitivity;
  return {
    AND: [bySensitivity, { OR: [{ kind: { in: [...MINIMAL_RECORD_KINDS] } }, { stage: stagesSeenInFull(actor) }] }],
  };
}

/** The timeline kinds a minimal-record reader reads whatever stage they are about (`readableTimeline`). */
const MINIMAL_RECORD_KINDS = ["NOTE_ADDED", "RESCUE_LOGGED", "CONTACT_RECORDED", "CASE_CLOSED", "CASE_REOPENED"] as const;

/** The sensitivities of timeline entries an agency reads beside its own (`readableTimeline`). */
function readableSensitivities(actor: Actor): ("GENERAL" | "HEALTH" | "POLICE")[] {
  const kinds: ("GENERAL" | "HEALTH" | "POLICE")[] = ["GENERAL"];
  if (actor.agencyKind === "HEALTH") kinds.push("HEALTH");
  if (actor.agencyKind === "POLICE") kinds.push("POLICE");
  return kinds;
}

/**
 * `readableTimeline` in SQL, as a condition on the timeline entry aliased `e` of a raw statement (the
 * person's page, which reads the whole record in one statement: src/server/people/read-person-record.ts).
 * tests/integration/person-record-sql.test.ts holds the two equal for every account.
 */
export function readableTimelineSql(actor: Actor): Prisma.Sql {
  const bySensitivity = Prisma.sql`(e."sensitivity" = ANY(${readableSensitivities(actor)}::"NoteSensitivity"[]) OR e."actorAgencyId" = ${actor.agencyId}::uuid)`;
  if (!seesMinimalRecord(actor)) return bySensitivity;
  return Prisma.sql`(${bySensitivity} AND (
    e."kind" = ANY(${[...MINIMAL_RECORD_KINDS]}::"TimelineKind"[])
    OR EXISTS (SELECT 1 FROM "Stage" es WHERE es."id" = e."stageId" AND ${stageSeenInFullSql(actor, "es")} OFFSET 0)))`;
}

/** `stagesSeenInFull` in SQL, as a condition on the stage aliased `alias`: TRUE for everyone but a minimal-record reader. */
export function stageSeenInFullSql(actor: Actor, alias: "s" | "es"): Prisma.Sql {
  if (!seesMinimalRecord(actor)) return Prisma.sql`TRUE`;
  const s = Prisma.raw(alias);
  return Prisma.sql`(${s}."ownerAgencyId" = ${actor.agencyId}::uuid
    OR EXISTS (SELECT 1 FROM "Referral" sf WHERE sf."stageId" = ${s}."id" AND sf."toAgencyId" = ${actor.agencyId}::uuid AND sf."state" = 'PENDING' OFFSET 0))`;
}

/**
 * The staff accounts a user may manage: an administrator, those of their own partnership (switched off
 * ones too). Nobody else manages accounts, so for them this matches none.
 */
export function manageableUsers(actor: Actor): Prisma.UserWhereInput {
  if (actor.role !== "ADMINISTRATOR") return { id: { in: [] } };
  return { agency: { partnershipId: actor.partnershipId } };
}
