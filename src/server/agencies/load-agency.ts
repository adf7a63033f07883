import "server-only";
import { refused, type Refusal } from "@/domain/result";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";

type Tx = Prisma.TransactionClient | Db;

export const AGENCY_ADMIN_SELECT = {
  id: true,
  name: true,
  kind: true,
  retiredAt: true,
  officeHoursOnly: true,
  opensAtMinute: true,
  closesAtMinute: true,
  version: true,
} satisfies Prisma.AgencySelect;

export type AdminAgency = Prisma.AgencyGetPayload<{ select: typeof AGENCY_ADMIN_SELECT }>;

/**
 * One agency of the administrator's own partnership; any other id (another partnership's, or none) is
 * "not found", audited as denied. Call it before an edit's transaction, so the denial's audit row stays.
 */
export async function loadPartnershipAgency(db: Tx, actor: Actor, agencyId: string, action: AuditAction): Promise<AdminAgency> {
  const agency = await db.agency.findFirst({ where: { id: agencyId, partnershipId: actor.partnershipId }, select: AGENCY_ADMIN_SELECT });
  if (!agency) {
    await recordAudit(db, actor, { action, entity: "Agency", entityId: agencyId, outcome: "denied" });
    throw new NotFoundError("Agency");
  }
  return agency;
}

/** The same agency again, inside the edit's transaction and under its lock (its partnership never changes). */
export async function reloadAgency(tx: Prisma.TransactionClient, agencyId: string): Promise<AdminAgency> {
  return tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: AGENCY_ADMIN_SELECT });
}

/** An edit from a form showing an older version, or of a retired agency, changes nothing. */
export function agencyEditRefusal(agency: AdminAgency, version: number): Refusal | null {
  if (agency.retiredAt) return refused("agency-retired", `${agency.name} is retired, so it cannot be changed.`);
  if (agency.version !== version) {
    return refused("stale-version", `Someone else changed ${agency.name} while you were looking at it. Check the latest details and try again.`);
  }
  return null;
}

/**
 * Agency edits in one partnership happen one at a time (a transaction-scoped advisory lock), so two
 * administrators cannot both give a name that is free when each of them checks.
 */
export async function lockPartnershipAgencies(tx: Prisma.TransactionClient, partnershipId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`agencies:${partnershipId}`}, 0))`;
}

/** Is this name free in the partnership (capitals aside), other than for the agency being renamed? */
export async function agencyNameTaken(tx: Tx, partnershipId: string, name: string, exceptAgencyId?: string): Promise<boolean> {
  const same = await tx.agency.findFirst({
    where: { partnershipId, name: { equals: name, mode: "insensitive" }, ...(exceptAgencyId ? { id: { not: exceptAgencyId } } : {}) },
    select: { id: true },
  });
  return same !== null;
}
