import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import type { PossibleMatchDecision, PossibleMatchReason, PossibleMatchState } from "@/domain/possible-match/possible-match";
import type { AgeGroup } from "@/domain/types";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { pseudonymisedCases } from "../access/visibility";

/** One side of a possible match as the coordinator sees it: pseudonymised, never identity. */
export type MatchSide = {
  personId: string;
  caseReference: string;
  ageGroup: AgeGroup;
  rescuedAt: Date;
  live: boolean;
  /** The agency that logged the rescue first, then the agencies owning the person's stages. */
  agencies: string[];
};

export type PossibleMatchView = {
  id: string;
  reason: PossibleMatchReason;
  state: PossibleMatchState;
  flaggedAt: Date;
  decidedAt: Date | null;
  version: number;
  person: MatchSide;
  earlier: MatchSide;
};

// Selected column by column: no PersonIdentity, no place, no notes (the coordinator's views never load them).
const SIDE_SELECT = {
  id: true,
  caseReference: true,
  ageGroup: true,
  closedAt: true,
  rescue: { select: { occurredAt: true, loggedByAgency: { select: { name: true, retiredAt: true } } } },
  stages: { select: { ownerAgency: { select: { name: true, retiredAt: true } } } },
} satisfies Prisma.PersonSelect;

export const POSSIBLE_MATCH_SELECT = {
  id: true,
  reason: true,
  state: true,
  createdAt: true,
  decidedAt: true,
  version: true,
  person: { select: SIDE_SELECT },
  earlierPerson: { select: SIDE_SELECT },
} satisfies Prisma.PossibleMatchSelect;

/** One decision in a match's history, newest first: what was decided and why, and whether it was undone. */
export type MatchDecisionView = {
  id: string;
  decision: PossibleMatchDecision;
  note: string;
  decidedByName: string;
  decidedAt: Date;
  undone: { byName: string; at: Date; reason: string } | null;
};

export const MATCH_DECISIONS_SELECT = {
  orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
  select: {
    id: true,
    decision: true,
    note: true,
    decidedAt: true,
    decidedBy: { select: { name: true } },
    undoneAt: true,
    undoReason: true,
    undoneBy: { select: { name: true } },
  },
} satisfies Prisma.PossibleMatch$decisionsArgs;

type DecisionRow = Prisma.PossibleMatchDecisionGetPayload<{ select: (typeof MATCH_DECISIONS_SELECT)["select"] }>;

export function matchDecisionView(row: DecisionRow): MatchDecisionView {
  return {
    id: row.id,
    // The table's CHECK keeps OPEN out of a decision row.
    decision: row.decision as PossibleMatchDecision,
    note: row.note,
    decidedByName: row.decidedBy.name,
    decidedAt: row.decidedAt,
    undone: row.undoneAt && row.undoneBy && row.undoReason !== null ? { byName: row.undoneBy.name, at: row.undoneAt, reason: row.undoReason } : null,
  };
}

type SideRow = Prisma.PersonGetPayload<{ select: typeof SIDE_SELECT }>;
type MatchRow = Prisma.PossibleMatchGetPayload<{ select: typeof POSSIBLE_MATCH_SELECT }>;

/** The matches a coordinator may see: their own partnership's, both people inside the pseudonymised view. */
export function reviewableMatches(actor: Actor): Prisma.PossibleMatchWhereInput {
  return { partnershipId: actor.partnershipId, person: pseudonymisedCases(actor), earlierPerson: pseudonymisedCases(actor) };
}

function sideView(person: SideRow): MatchSide {
  const logging = agencyDisplayName(person.rescue.loggedByAgency);
  const owners = person.stages.map((stage) => agencyDisplayName(stage.ownerAgency));
  return {
    personId: person.id,
    caseReference: person.caseReference,
    ageGroup: person.ageGroup,
    rescuedAt: person.rescue.occurredAt,
    live: person.closedAt === null,
    agencies: [...new Set([logging, ...owners])],
  };
}

export function possibleMatchView(row: MatchRow): PossibleMatchView {
  return {
    id: row.id,
    reason: row.reason,
    state: row.state,
    flaggedAt: row.createdAt,
    decidedAt: row.decidedAt,
    version: row.version,
    person: sideView(row.person),
    earlier: sideView(row.earlierPerson),
  };
}
