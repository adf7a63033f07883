import "server-only";
import type { NotificationKind, Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { notify } from "../notifications/notify";

/** Each side of a match as the notices need it: whose leads to tell, and about which case. */
export const LOGGED_PERSON_SELECT = { select: { id: true, caseReference: true, rescue: { select: { loggedByAgencyId: true } } } } as const;
export type LoggedPerson = { id: string; caseReference: string; rescue: { loggedByAgencyId: string } };

/**
 * Each logging agency's leads hear about their own person only (their case reference and a link to a
 * page they may see): the notice never names the other record, which may belong to an agency they
 * cannot see (docs/decisions/0027). Used when a "same person" decision is made and when it is undone.
 */
export async function tellLoggingAgencies(
  tx: Prisma.TransactionClient,
  actor: Actor,
  people: LoggedPerson[],
  notice: { kind: NotificationKind; dedupeKeyOf: (person: LoggedPerson) => string; titleOf: (person: LoggedPerson) => string; bodyOf: (person: LoggedPerson) => string },
) {
  for (const person of people) {
    const leads = await tx.user.findMany({
      where: { active: true, role: "AGENCY_LEAD", agencyId: person.rescue.loggedByAgencyId, agency: { partnershipId: actor.partnershipId } },
      select: { id: true },
    });
    await notify(
      tx,
      leads.map((lead) => lead.id),
      { kind: notice.kind, title: notice.titleOf(person), body: notice.bodyOf(person), href: `/people/${person.id}`, dedupeKey: notice.dedupeKeyOf(person) },
    );
  }
}
