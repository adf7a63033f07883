import "server-only";
import { z } from "zod";
import { wholeNumber } from "@/domain/input/whole-number";
import { typedText } from "@/domain/input/text";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { CHECK_THE_ANSWERS, invalid, ok, refused, type Result } from "@/domain/result";
import { endOfLondonDay, formatUkDate, parseUkDate, startOfLondonDay, type CalendarDay } from "@/domain/time/london-day";
import { partnershipDirectory, type DirectoryAgency, type DirectoryUser } from "./partnership-directory";
import { auditEntityIdsOfPerson } from "./person-records";
import { recordLabels } from "./record-labels";

export const AUDIT_PAGE_SIZE = 50;

// Query parameters arrive as strings (or repeated, as arrays): blank means "no filter".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const day = (message: string) =>
  z
    .string({ error: message })
    .transform((text, ctx) => {
      const parsed = parseUkDate(text);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return parsed;
    });

export const auditSearchSchema = z
  .object({
    user: optional(z.uuid({ error: "Select a user from the list" })),
    agency: optional(z.uuid({ error: "Select an agency from the list" })),
    person: optional(
      typedText({ error: "Enter one case reference, like VCP-AB12-CD34" })
        .trim()
        .max(40, "Enter a case reference, like VCP-AB12-CD34")
        .transform((text) => text.toUpperCase()),
    ),
    from: optional(day("Enter a real date, like 23/11/2026")),
    to: optional(day("Enter a real date, like 23/11/2026")),
    page: z.preprocess(blankToUndefined, wholeNumber("Page not found", z.number().min(1, "Page not found").max(100_000, "Page not found")).default(1)),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && startOfLondonDay(value.to) < startOfLondonDay(value.from)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be the same as or after the start date" });
    }
  });

export type AuditRowView = {
  id: string;
  occurredAt: Date;
  userName: string | null;
  role: Role | null;
  agencyName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  record: string | null;
  outcome: string;
  requestId: string | null;
};

export type AuditSearchPage = {
  rows: AuditRowView[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
};

export type AuditFilterChoices = { users: DirectoryUser[]; agencies: DirectoryAgency[] };

/** The users and agencies an administrator may filter their partnership's audit log by. */
export async function listAuditFilterChoices(db: Db, actor: Actor): Promise<AuditFilterChoices> {
  await requirePermission(db, actor, "audit.view", { entity: "AuditEvent" });
  const { users, agencies } = await partnershipDirectory(db, actor.partnershipId);
  return { users, agencies };
}

/**
 * The administrator's partnership's audit log, newest first, 50 rows a page, filtered by user,
 * agency, person (case reference) and London dates. Rows are the partnership's when the user acted
 * for one of its agencies, or when the row is a sign-in of one of its users. Searching is audited.
 */
export async function searchAuditLog(db: Db, actor: Actor, rawInput: unknown): Promise<Result<AuditSearchPage>> {
  await requirePermission(db, actor, "audit.view", { entity: "AuditEvent" });
  const parsed = auditSearchSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const directory = await partnershipDirectory(db, actor.partnershipId);
  const fieldErrors: Record<string, string> = {};
  if (input.user && !directory.userById.has(input.user)) fieldErrors.user = "Select a user from the list";
  if (input.agency && !directory.agencyById.has(input.agency)) fieldErrors.agency = "Select an agency from the list";
  const person = input.person
    ? await db.person.findFirst({ where: { caseReference: input.person, rescue: { partnershipId: actor.partnershipId } }, select: { id: true } })
    : null;
  if (input.person && !person) fieldErrors.person = "No case in your partnership has this reference";
  if (Object.keys(fieldErrors).length > 0) return refused("invalid-input", CHECK_THE_ANSWERS, fieldErrors);

  const userIds = directory.users.map((user) => user.id);
  const where: Prisma.AuditEventWhereInput[] = [
    { OR: [{ agencyId: { in: [...directory.agencyById.keys()] } }, { userId: null, entity: "User", entityId: { in: userIds } }] },
  ];
  if (input.user) where.push({ OR: [{ userId: input.user }, { userId: null, entity: "User", entityId: input.user }] });
  if (input.agency) where.push({ agencyId: input.agency });
  if (person) where.push({ entityId: { in: await auditEntityIdsOfPerson(db, person.id) } });
  if (input.from || input.to) {
    where.push({ occurredAt: { ...(input.from && { gte: startOfLondonDay(input.from) }), ...(input.to && { lt: endOfLondonDay(input.to) }) } });
  }

  const found = await db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    skip: (input.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
  });
  const rows = found.slice(0, AUDIT_PAGE_SIZE);
  const labels = await recordLabels(db, actor.partnershipId, rows, directory.userById);
  // A search for one person is a look at that person's trail: audited against the person.
  await recordAudit(db, actor, person ? { action: "audit.view", entity: "Person", entityId: person.id } : { action: "audit.view", entity: "AuditEvent" });

  return ok({
    rows: rows.map((row) => {
      const userId = row.userId ?? (row.entity === "User" ? row.entityId : null);
      const user = userId ? directory.userById.get(userId) : undefined;
      return {
        id: row.id.toString(),
        occurredAt: row.occurredAt,
        userName: user?.name ?? null,
        role: row.role ?? user?.role ?? null,
        agencyName: (row.agencyId && directory.agencyById.get(row.agencyId)) || (user && directory.agencyById.get(user.agencyId)) || null,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        record: row.entityId ? (labels.get(row.entityId) ?? null) : null,
        outcome: row.outcome,
        requestId: row.requestId,
      };
    }),
    page: input.page,
    hasPrevious: input.page > 1,
    hasNext: found.length > AUDIT_PAGE_SIZE,
  });
}

/** The filters as the form shows them back (dates day first). */
export function auditSearchFormValues(rawInput: Record<string, unknown>): Record<string, string> {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const asDay = (value: unknown) => {
    const parsed: CalendarDay | null = typeof value === "string" ? parseUkDate(value) : null;
    return parsed ? formatUkDate(parsed) : text(value);
  };
  return { user: text(rawInput.user), agency: text(rawInput.agency), person: text(rawInput.person), from: asDay(rawInput.from), to: asDay(rawInput.to) };
}
