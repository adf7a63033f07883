import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import type { Db } from "../db/create-client";
import { runStatement } from "../db/read-rows";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_throttled"
  | "auth.sign_in_busy"
  | "auth.sign_out"
  | "auth.password_accepted"
  | "auth.sign_in_not_enrolled"
  | "auth.second_factor_failed"
  | "auth.second_factor_replayed"
  | "auth.second_factor_expired"
  | "auth.second_factor_throttled"
  | "auth.recovery_code_used"
  | "account.activate"
  | "account.password_reset"
  | "account.second_factor_reset"
  | "account.password_change"
  | "account.password_change_failed"
  | "account.password_change_throttled"
  | "rescue.log"
  | "rescue.view"
  | "person.view"
  | "person.list"
  | "person.search"
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
  | "person.correct"
  | "person.assess_age"
  | "person.link_dependant"
  | "person.unlink_dependant"
  | "person.safety_flags"
  | "consent.record"
  | "consent.withdraw"
  | "sharing_basis.record"
  | "nrm.referral_submit"
  | "nrm.decision_record"
  | "nrm.reconsideration_request"
  | "duty_to_notify.record"
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
  | "settings.update"
  | "settings.suppression_update"
  | "settings.idle_timeout_update"
  | "dashboard.view"
  | "pathway.publish"
  | "pathway.delete_version"
  | "user.list"
  | "user.view"
  | "user.create"
  | "user.access_change"
  | "user.switch_off"
  | "user.switch_on"
  | "user.password_reset"
  | "user.second_factor_reset"
  | "user.activation_link"
  | "agency.view"
  | "agency.create"
  | "agency.rename"
  | "agency.hours_update"
  | "agency.retire"
  | "stage.move"
  | "contact.record"
  | "case.close"
  | "case.reopen"
  | "chronology.view"
  | "chronology.pdf"
  | "settings.contact_gap_update"
  | "possible_match.list"
  | "possible_match.view"
  | "possible_match.decide"
  | "possible_match.undo"
  | "permission.denied";

export type AuditValue = string | number | boolean | null | readonly string[];
export type AuditChanges = Record<string, { before: AuditValue; after: AuditValue }>;

export type AuditDb = Pick<Db, "$executeRaw">;

type AuditEntry = {
  action: AuditAction;
  entity: string;
  entityId?: string;
  outcome?: "allowed" | "denied";
  requestId?: string;
  /** Administrative changes: each changed field before and after. Never secrets, names of people or case content. */
  changes?: AuditChanges;
};

/**
 * Appends one audit row: who, in which role and agency, did what to which record. Never pass note
 * text, names or addresses here: the audit log says that something was seen, not what.
 */
export async function recordAudit(db: AuditDb, actor: Actor | null, event: AuditEntry): Promise<void> {
  await recordAudits(db, actor, [event]);
}

/**
 * Appends the audit rows of one request in one statement (a page that shows records of several kinds):
 * one INSERT, where Prisma's createMany sends BEGIN and COMMIT around it, on pages kept to six
 * statements in all (issue 15). Outside a transaction it goes straight to the pool (`runStatement`),
 * not through Prisma's query compiler: a page view writes one, on every page.
 */
export async function recordAudits(db: AuditDb, actor: Actor | null, events: readonly AuditEntry[]): Promise<void> {
  if (events.length === 0) return;
  const requestId = await currentRequestId();
  const occurredAt = new Date();
  const values = events.map((event) => {
    const row = auditRow(actor, event, event.requestId ?? requestId);
    const changes = row.changes === undefined ? null : JSON.stringify(row.changes);
    return Prisma.sql`(${occurredAt}, ${row.userId}::uuid, ${row.role}::"Role", ${row.agencyId}::uuid, ${row.action}, ${row.entity}, ${row.entityId}, ${row.requestId}, ${row.outcome}, ${changes}::jsonb)`;
  });
  await runStatement(
    db,
    Prisma.sql`INSERT INTO "AuditEvent" ("occurredAt", "userId", "role", "agencyId", "action", "entity", "entityId", "requestId", "outcome", "changes") VALUES ${Prisma.join(values)}`,
  );
}

function auditRow(actor: Actor | null, event: AuditEntry, requestId: string | null): Prisma.AuditEventUncheckedCreateInput {
  return {
    userId: actor?.id ?? null,
    role: actor?.role ?? null,
    agencyId: actor?.agencyId ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    outcome: event.outcome ?? "allowed",
    requestId,
    changes: event.changes,
  };
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The id src/proxy.ts gave the request being served, so every row one request writes can be read
 * together. Scripts, tests and background jobs run outside a request: no id, and no error. Only a
 * uuid is kept, so a header that slipped past the proxy cannot write free text into the log.
 */
async function currentRequestId(): Promise<string | null> {
  try {
    const id = (await headers()).get("x-request-id");
    return id && REQUEST_ID.test(id) ? id : null;
  } catch (error) {
    // Next's own control-flow errors (a static render bailing out) must still reach Next.
    unstable_rethrow(error);
    return null;
  }
}

/** The id in a not-yet-validated input, for auditing a refusal: only if it really is a uuid. */
export function idFromInput(rawInput: unknown, field: string): string | undefined {
  const id = (rawInput as Record<string, unknown> | null)?.[field];
  return z.uuid().safeParse(id).success ? (id as string) : undefined;
}
