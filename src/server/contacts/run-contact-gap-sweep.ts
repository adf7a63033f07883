import "server-only";
import { noContactWords } from "@/domain/contact/contact-watch";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db/create-client";
import { notifyEach, type Notice } from "../notifications/notify";
import { OPEN_STAGE_STATES } from "@/domain/pathway/stage-states";

// Not the escalation sweep's key: the two sweeps may run side by side, but two contact sweeps take turns.
export const CONTACT_GAP_SWEEP_LOCK = 7_461_002;
export const CONTACT_GAP_BATCH = 500;

export type ContactGapSweepResult = { gaps: number; notices: number };

type FoundGap = { personId: string; caseReference: string; gapStartedAt: Date; loggedByAgencyId: string };

/**
 * Live cases whose gap in contact has reached the partnership's limit and has not been raised yet. The
 * gap starts at the latest of the rescue, the last contact made and the last reopening (the rule in
 * src/domain/contact/contact-watch.ts, said again here in SQL so only the gaps to raise reach Node).
 * GREATEST ignores nulls.
 */
async function findGaps(tx: Prisma.TransactionClient, now: Date): Promise<FoundGap[]> {
  return tx.$queryRaw<FoundGap[]>`
    WITH live AS (
      SELECT p.id AS "personId", p."caseReference", r."loggedByAgencyId", pa."contactGapHours",
             GREATEST(
               r."occurredAt",
               p."reopenedAt",
               (SELECT max(c."occurredAt") FROM "Contact" c WHERE c."personId" = p.id AND c.outcome = 'MADE')
             ) AS "gapStartedAt"
      FROM "Person" p
      JOIN "Rescue" r ON r.id = p."rescueId"
      JOIN "Partnership" pa ON pa.id = r."partnershipId"
      WHERE p."closedAt" IS NULL
    )
    SELECT "personId", "caseReference", "gapStartedAt", "loggedByAgencyId" FROM live
    WHERE "gapStartedAt" + "contactGapHours" * interval '1 hour' <= ${now}::timestamptz
      AND NOT EXISTS (
        SELECT 1 FROM "ContactGapNotice" g WHERE g."personId" = live."personId" AND g."gapStartedAt" = live."gapStartedAt"
      )
    ORDER BY "gapStartedAt", "personId"
    LIMIT ${CONTACT_GAP_BATCH}`;
}

/**
 * Raises each gap in contact once: a ContactGapNotice row (unique per person and gap start) and a
 * notice to the leads of the owning agencies — the agencies that own the person's open stages, or,
 * when no stage is open, the agency that logged the rescue (someone must hear of it). One transaction
 * under an advisory lock, so a repeated, concurrent or restarted sweep sends nothing twice. The notice
 * holds the case reference, never a name.
 */
export async function runContactGapSweep(db: Db, now = new Date()): Promise<ContactGapSweepResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CONTACT_GAP_SWEEP_LOCK}::bigint)`;
      const found = await findGaps(tx, now);
      if (found.length === 0) return { gaps: 0, notices: 0 };
      const created = await tx.contactGapNotice.createManyAndReturn({
        data: found.map((gap) => ({ personId: gap.personId, gapStartedAt: gap.gapStartedAt, raisedAt: now })),
        skipDuplicates: true,
        select: { id: true, personId: true },
      });
      const raised = new Map(created.map((row) => [row.personId, row.id]));
      const gaps = found.filter((gap) => raised.has(gap.personId));

      const owners = await tx.stage.findMany({
        where: { personId: { in: gaps.map((g) => g.personId) }, state: { in: [...OPEN_STAGE_STATES] } },
        select: { personId: true, ownerAgencyId: true },
      });
      const agenciesOf = new Map<string, Set<string>>();
      for (const { personId, ownerAgencyId } of owners) agenciesOf.set(personId, (agenciesOf.get(personId) ?? new Set()).add(ownerAgencyId));
      const owning = (gap: FoundGap) => [...(agenciesOf.get(gap.personId) ?? new Set([gap.loggedByAgencyId]))];

      const leads = await tx.user.findMany({
        where: { role: "AGENCY_LEAD", active: true, agencyId: { in: [...new Set(gaps.flatMap(owning))] } },
        select: { id: true, agencyId: true },
      });
      const sends: { recipientIds: string[]; notice: Notice }[] = gaps.map((gap) => {
        const agencies = new Set(owning(gap));
        return {
          recipientIds: leads.filter((lead) => agencies.has(lead.agencyId)).map((lead) => lead.id),
          notice: {
            kind: "CONTACT_GAP",
            title: `${gap.caseReference}: ${noContactWords(gap.gapStartedAt, now).toLowerCase()}`,
            body: `Nobody has recorded contact with ${gap.caseReference} for ${noContactWords(gap.gapStartedAt, now).slice("No contact for ".length)}. Try to reach them and record the contact.`,
            href: `/people/${gap.personId}`,
            dedupeKey: `contact-gap:${raised.get(gap.personId)}`,
          },
        };
      });
      const notices = await notifyEach(tx, sends);
      return { gaps: gaps.length, notices };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
