import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { AGE_GROUPS, GENDERS } from "@/domain/types";
import { parsePeriod, type Period } from "@/domain/reporting/period";
import { CHECK_THE_ANSWERS, ok, refused, type Result } from "@/domain/result";

const EXPLOITATION = ["LABOUR", "SEXUAL", "CRIMINAL", "DOMESTIC_SERVITUDE", "ORGAN_HARVESTING", "NOT_KNOWN"] as const;

const optional = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.union([z.literal(""), z.enum(values)], { error: message }).optional().transform((value) => value || null);

const filterSchema = z.object({
  ageGroup: optional(AGE_GROUPS, "Choose an age group from the list"),
  exploitationType: optional(EXPLOITATION, "Choose a type of exploitation from the list"),
  gender: optional(GENDERS, "Choose a gender from the list"),
  agencyId: z.union([z.literal(""), z.uuid("Choose an agency from the list")], { error: "Choose an agency from the list" }).optional().transform((value) => value || null),
});

/** The query parameters the dashboard reads: a view is its address, and a download repeats them. */
export const DASHBOARD_QUERY_KEYS = ["kind", "month", "quarter", "year", "from", "to", "ageGroup", "exploitationType", "gender", "agencyId"] as const;

export type DashboardFilters = z.output<typeof filterSchema> & { period: Period };

/** The dashboard's query string, checked: a period and the optional filters. Nothing else is read. */
export function parseDashboardFilters(query: Record<string, string | string[] | undefined>, now: Date): Result<DashboardFilters> {
  const text = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);
  const period = parsePeriod(
    { kind: text("kind"), month: text("month"), quarter: text("quarter"), year: text("year"), from: text("from"), to: text("to") },
    now,
  );
  const parsed = filterSchema.safeParse({ ageGroup: text("ageGroup"), exploitationType: text("exploitationType"), gender: text("gender"), agencyId: text("agencyId") });
  const fieldErrors: Record<string, string> = {};
  if (!period.ok) Object.assign(fieldErrors, period.fieldErrors);
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  if (!period.ok || !parsed.success) return refused("invalid-input", CHECK_THE_ANSWERS, fieldErrors);
  return ok({ ...parsed.data, period: period.data });
}

/**
 * The person filters as SQL on a query whose person table is aliased `p` and rescue `r`, within one
 * partnership. The agency filter keeps people with a stage owned by that agency.
 */
export function personConditions(partnershipId: string, filters: Omit<DashboardFilters, "period">): Prisma.Sql {
  const conditions = [Prisma.sql`r."partnershipId" = ${partnershipId}::uuid`];
  if (filters.ageGroup) conditions.push(Prisma.sql`p."ageGroup" = ${filters.ageGroup}::"AgeGroup"`);
  if (filters.gender) conditions.push(Prisma.sql`p."gender" = ${filters.gender}::"Gender"`);
  if (filters.exploitationType) conditions.push(Prisma.sql`p."exploitationType" = ${filters.exploitationType}::"ExploitationType"`);
  if (filters.agencyId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Stage" fs WHERE fs."personId" = p."id" AND fs."ownerAgencyId" = ${filters.agencyId}::uuid)`);
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * The period and filters as SQL on a month summary aliased `m` (DashboardStageMonth or
 * DashboardPersonMonth). On stage rows the agency filter is the owning agency; on person rows, the
 * people with a stage owned by that agency.
 */
export function summaryConditions(partnershipId: string, filters: DashboardFilters, table: "stage" | "person"): Prisma.Sql {
  const months = filters.period.months.map((month) => `${month}-01`);
  const conditions = [Prisma.sql`m."partnershipId" = ${partnershipId}::uuid`, Prisma.sql`m."month" = ANY(${months}::date[])`];
  if (filters.ageGroup) conditions.push(Prisma.sql`m."ageGroup" = ${filters.ageGroup}::"AgeGroup"`);
  if (filters.gender) conditions.push(Prisma.sql`m."gender" = ${filters.gender}::"Gender"`);
  if (filters.exploitationType) conditions.push(Prisma.sql`m."exploitationType" = ${filters.exploitationType}::"ExploitationType"`);
  if (filters.agencyId) {
    conditions.push(
      table === "stage" ? Prisma.sql`m."ownerAgencyId" = ${filters.agencyId}::uuid` : Prisma.sql`m."agencyIds" @> ARRAY[${filters.agencyId}::uuid]`,
    );
  }
  return Prisma.join(conditions, " AND ");
}
