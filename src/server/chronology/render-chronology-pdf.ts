import "server-only";
import PDFDocument from "pdfkit";
import type { ChronologyDocument } from "@/domain/chronology/build-chronology";

// A4 in points, with 2 cm margins.
const MARGIN = 57;

/**
 * The chronology as an A4 PDF, with pdfkit's built-in PDF fonts (Helvetica): nothing is loaded from
 * the network or the disk beyond pdfkit's own font metrics. Content streams are left uncompressed:
 * the document is text only, so it stays small, and its text can be checked in tests. The built-in
 * fonts cover WinAnsi (Latin-1 and a few more) only: other characters are replaced by "?" rather than
 * drawn wrongly.
 */
export async function renderChronologyPdf(doc: ChronologyDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: false,
    info: { Title: doc.title, Author: doc.produced, Subject: "Chronology for a case review", Creator: "Victim Care Pathway" },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  // Latin-1 and the few WinAnsi extras people type (dashes, curly quotes, ellipsis, bullet, euro).
  const text = (value: string) => value.replace(/[^\n\t\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u20ac]/g, "?");
  const width = pdf.page.width - 2 * MARGIN;

  pdf.font("Helvetica-Bold").fontSize(18).text(text(doc.title), { width });
  pdf.font("Helvetica").fontSize(12).text(text(doc.subject), { width });
  pdf.moveDown(0.5).fontSize(10).text(text(doc.produced), { width });
  pdf.font("Helvetica-Oblique").text(text(doc.caveat), { width });

  pdf.moveDown().font("Helvetica-Bold").fontSize(13).text("Summary");
  for (const row of doc.summary) {
    pdf.font("Helvetica-Bold").fontSize(10).text(`${text(row.key)}: `, { continued: true, width }).font("Helvetica").text(text(row.value), { width });
  }

  pdf.moveDown().font("Helvetica-Bold").fontSize(13).text("Stages against their targets");
  for (const stage of doc.stages) {
    pdf.moveDown(0.3).font("Helvetica-Bold").fontSize(10).text(text(stage.title), { width });
    pdf.font("Helvetica").text(text(`${stage.owner} · target ${stage.target} · due ${stage.due} · ${stage.outcome}`), { width });
  }

  pdf.moveDown().font("Helvetica-Bold").fontSize(13).text("Chronology (oldest first)");
  for (const entry of doc.entries) {
    pdf.moveDown(0.4).font("Helvetica-Bold").fontSize(10).text(text(`${entry.when} (${entry.sinceRescue})`), { width });
    pdf.font("Helvetica").text(text(entry.restricted ? `${entry.sentence} [${entry.restricted}]` : entry.sentence), { width });
    pdf.fillColor("#505a5f").text(text(`by ${entry.by}`), { width }).fillColor("black");
    if (entry.detail) pdf.text(text(entry.detail), { width });
  }

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    pdf.page.margins.bottom = 0;
    pdf.font("Helvetica").fontSize(8).text(text(`${doc.title} · page ${i + 1} of ${range.count} · ${doc.produced}`), MARGIN, pdf.page.height - MARGIN + 15, { width, lineBreak: false });
  }
  pdf.end();
  return done;
}
