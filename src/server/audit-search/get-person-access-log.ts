import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import { z } from "zod";
import { personDisplayName } from "@/domain/person-name";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { auditEntityIdsOfPerson } from "./person-records";
import type { AuditRowView } from "./search-audit-log";

/** One audit row as the lead's access log shows it: who, when, what, and whether it was allowed. */
export type AccessLogEntry = Pick<AuditRowView, "id" | "occurredAt" | "userName" | "role" | "agencyName" | "action" | "outcome">;

// The newest entries; the administrator's audit page holds the rest.
export const ACCESS_LOG_LIMIT = 200;

/**
 * "Who has seen this person": for an agency lead, every audit row about a person their agency works
 * with (views, changes, break-glass, refused attempts), newest first, from any agency. A person the
 * lead may not see is "not found". Looking is itself audited.
 */
export async function getPersonAccessLog(db: Db, actor: Actor, personId: string) {
  const id = z.uuid().safeParse(personId).success ? personId : undefined;
  await requirePermission(db, actor, "person.access_log", { entity: "Person", entityId: id });
  const person = id
    ? await db.person.findFirst({
        where: { AND: [{ id }, visiblePeople(actor)] },
        select: { id: true, caseReference: true, identity: { select: { name: true, description: true } } },
      })
    : null;
  if (!person) {
    await recordAudit(db, actor, { action: "person.access_log", entity: "Person", entityId: id, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  // Audited first, so the lead's own look is the newest entry on the list they see.
  await recordAudit(db, actor, { action: "person.access_log", entity: "Person", entityId: person.id });

  const rows = await db.auditEvent.findMany({
    where: { entityId: { in: await auditEntityIdsOfPerson(db, person.id) } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: ACCESS_LOG_LIMIT + 1,
  });
  const shown = rows.slice(0, ACCESS_LOG_LIMIT);
  const userIds = [...new Set(shown.map((row) => row.userId).filter((userId): userId is string => userId !== null))];
  const agencyIds = [...new Set(shown.map((row) => row.agencyId).filter((agencyId): agencyId is string => agencyId !== null))];
  const [users, agencies] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true, retiredAt: true } }),
  ]);
  const userName = new Map(users.map((user) => [user.id, user.name]));
  const agencyName = new Map(agencies.map((agency) => [agency.id, agencyDisplayName(agency)]));

  return {
    id: person.id,
    caseReference: person.caseReference,
    displayName: personDisplayName(person.identity),
    entries: shown.map(
      (row): AccessLogEntry => ({
        id: row.id.toString(),
        occurredAt: row.occurredAt,
        userName: row.userId ? (userName.get(row.userId) ?? null) : null,
        role: row.role,
        agencyName: row.agencyId ? (agencyName.get(row.agencyId) ?? null) : null,
        action: row.action,
        outcome: row.outcome,
      }),
    ),
    truncated: rows.length > ACCESS_LOG_LIMIT,
  };
}
