import { isRecordId } from "@/domain/record-id";
import { getActor } from "@/server/access/current-actor";
import { getChronology } from "@/server/chronology/get-chronology";
import { renderChronologyPdf } from "@/server/chronology/render-chronology-pdf";
import { db } from "@/server/db/client";
import { ForbiddenError, NotFoundError } from "@/server/errors";

export const dynamic = "force-dynamic";

/** GET /people/<id>/chronology/pdf → the chronology as this user may see it, as an A4 PDF. Never stored. */
export async function GET(_request: Request, { params }: { params: Promise<{ personId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return text(401, "Sign in to download a chronology.");
  const { personId } = await params;
  if (!isRecordId(personId)) return text(404, "Not found.");
  try {
    const chronology = await getChronology(db, actor, personId, "pdf");
    const pdf = await renderChronologyPdf(chronology);
    const fileName = `chronology-${chronology.title.replace(/^Chronology: /, "").replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    // Not visible and not allowed read the same, so a refusal never confirms the person exists.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return text(404, "Not found.");
    throw error;
  }
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
