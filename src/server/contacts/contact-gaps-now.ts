import "server-only";
import { contactGapReached, contactGapStart, noContactWords } from "@/domain/contact/contact-watch";
import type { Db } from "../db/create-client";

export type PersonForContactGap = { id: string; reopenedAt: Date | null; rescue: { occurredAt: Date } };

/**
 * For people the caller has already read (through their visibility rule), the ones whose gap in
 * contact has reached the partnership's limit now, with the words the queue shows ("No contact for
 * 2 d 3 h"). The same rule as the sweep (src/domain/contact/contact-watch.ts).
 */
export async function contactGapsNow(db: Db, partnershipId: string, people: PersonForContactGap[], now: Date): Promise<Map<string, string>> {
  const gaps = new Map<string, string>();
  if (people.length === 0) return gaps;
  const [partnership, lastMade] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { contactGapHours: true } }),
    db.contact.groupBy({ by: ["personId"], where: { personId: { in: people.map((p) => p.id) }, outcome: "MADE" }, _max: { occurredAt: true } }),
  ]);
  const lastMadeOf = new Map(lastMade.map((row) => [row.personId, row._max.occurredAt]));
  for (const person of people) {
    const words = contactGapNow(person, lastMadeOf.get(person.id) ?? null, partnership.contactGapHours, now);
    if (words) gaps.set(person.id, words);
  }
  return gaps;
}

/**
 * The same for one person whose last contact made and partnership limit the caller read with the
 * person (the person's page reads them in its one statement): the words, or null.
 */
export function contactGapNow(person: Omit<PersonForContactGap, "id">, lastContactMadeAt: Date | null, contactGapHours: number, now: Date): string | null {
  const start = contactGapStart(person.rescue.occurredAt, lastContactMadeAt, person.reopenedAt);
  return contactGapReached(start, now, contactGapHours) ? noContactWords(start, now) : null;
}
