import { getActor } from "@/server/access/current-actor";
import { parseDashboardFilters } from "@/server/dashboard/filters";
import { EXPORT_TABLES, exportDashboardTable, type ExportTable } from "@/server/dashboard/export-dashboard-table";
import { db } from "@/server/db/client";
import { ForbiddenError } from "@/server/errors";

export const dynamic = "force-dynamic";

/** GET /dashboard/export?table=timeliness&kind=year&year=2026&ageGroup=CHILD → one table as CSV. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return text(401, "Sign in to download dashboard tables.");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const table = query.table as ExportTable;
  if (!EXPORT_TABLES.includes(table)) return text(400, `Choose a table: ${EXPORT_TABLES.join(", ")}.`);
  const parsed = parseDashboardFilters(query, new Date());
  if (!parsed.ok) return text(400, Object.values(parsed.fieldErrors).join(". "));
  try {
    const { fileName, csv } = await exportDashboardTable(db, actor, table, parsed.data);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return text(403, "Your role has no dashboard.");
    throw error;
  }
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
