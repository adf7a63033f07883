import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "rescue.log"
  | "rescue.view"
  | "person.view"
  | "person.list"
  | "stage.change"
  | "note.add"
  | "queue.view"
  | "team.view"
  | "stage.claim"
  | "stage.assign"
  | "referral.create"
  | "referral.accept"
  | "referral.decline"
  | "referral.withdraw"
  | "accommodation.record"
  | "accommodation.view"
  | "notification.list"
  | "notification.read"
  | "case.list"
  | "case.view"
  | "case.break_glass"
  | "break_glass.review"
  | "break_glass.list"
  | "audit.view"
  | "person.access_log"
  | "export.csv"
  | "permission.denied";

export type AuditDb = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

/**
 * Appends one audit row: who, in which role and agency, did what to which record. Never pass note
 * text, names or addresses here: the audit log says that something was seen, not what.
 */
export async function recordAudit(
  db: AuditDb,
  actor: Actor | null,
  event: { action: AuditAction; entity: string; entityId?: string; outcome?: "allowed" | "denied"; requestId?: string },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      userId: actor?.id ?? null,
      role: actor?.role ?? null,
      agencyId: actor?.agencyId ?? null,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId ?? null,
      outcome: event.outcome ?? "allowed",
      requestId: event.requestId ?? null,
    },
  });
}

/** The id in a not-yet-validated input, for auditing a refusal: only if it really is a uuid. */
export function idFromInput(rawInput: unknown, field: string): string | undefined {
  const id = (rawInput as Record<string, unknown> | null)?.[field];
  return z.uuid().safeParse(id).success ? (id as string) : undefined;
}
