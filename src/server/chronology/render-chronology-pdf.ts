import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ChronologyDocument } from "@/domain/chronology/build-chronology";

// A4 in points, with 2 cm margins.
const MARGIN = 57;

// Noto Sans (SIL Open Font License 1.1), from the npm package @expo-google-fonts/noto-sans: static
// TrueType files covering Latin with Latin Extended and Vietnamese, Greek and Cyrillic
// (docs/decisions/0024). The package is a server external (next.config.ts), so it is read from
// node_modules at run time, as pdfkit reads its own font metrics.
const FONT_FILES = {
  body: "400Regular/NotoSans_400Regular.ttf",
  bold: "700Bold/NotoSans_700Bold.ttf",
  italic: "400Regular_Italic/NotoSans_400Regular_Italic.ttf",
} as const;
type Face = keyof typeof FONT_FILES;

let fonts: Record<Face, Buffer> | null = null;

/**
 * Glyph composition (ccmp) and ligatures off: with them on, fontkit splits "ị" into "i" and a dot
 * mark and joins "fi" into one glyph, and pdfkit's ToUnicode map then reads them back wrong ("Thi",
 * "ﬁ" as "fị"), so copying, searching or reading the PDF aloud would lose letters. Noto Sans has the
 * precomposed letters, and mark positioning (for marks with no precomposed form) stays on.
 */
const SHAPING = { ccmp: false, liga: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

/**
 * Where the font package is installed. Node's own resolver, reached through `process.getBuiltinModule`
 * so the bundler leaves it alone (a bundled `require.resolve` returns a module number, not a path):
 * from this file, or, where the bundler rewrote its address, from the folder the server runs in
 * (`scripts/serve.ts`, the tests and the demo all run from the project's root).
 */
function fontPackageFolder(): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  const name = "@expo-google-fonts/noto-sans/package.json";
  for (const from of [import.meta.url, path.join(process.cwd(), "package.json")]) {
    try {
      const found: unknown = createRequire(from).resolve(name);
      if (typeof found === "string") return path.dirname(found);
    } catch {
      // Not resolvable from there: try the next place.
    }
  }
  throw new Error(`The chronology font package is not installed: ${name}`);
}

/** The three faces, read once per process. */
function fontFaces(): Record<Face, Buffer> {
  if (!fonts) {
    const folder = fontPackageFolder();
    // Not traced by the bundler: the package is external, read from node_modules where it is installed.
    const read = (face: Face) => readFileSync(path.join(/*turbopackIgnore: true*/ folder, FONT_FILES[face]));
    fonts = { body: read("body"), bold: read("bold"), italic: read("italic") };
  }
  return fonts;
}

/**
 * The chronology as an A4 PDF, with Noto Sans embedded: a person named Ștefan Țurcanu, Nguyễn Thị Hoa,
 * Ελένη or Ольга prints as written. pdfkit embeds only the glyphs used (a subset) with a ToUnicode map,
 * so the file stays small and its text can be copied, searched and read aloud. Content streams are left
 * uncompressed: the document is text only, and its text can be checked in tests. A character the font
 * lacks (Chinese, Arabic, emoji) is drawn as the font's empty box, never as another letter.
 */
export async function renderChronologyPdf(doc: ChronologyDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: false,
    info: { Title: doc.title, Author: doc.produced, Subject: "Chronology for a case review", Creator: "Victim Care Pathway" },
    bufferPages: true,
  });
  const faces = fontFaces();
  for (const face of Object.keys(faces) as Face[]) pdf.registerFont(face, faces[face]);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  // Composed (NFC), so "e" with combining circumflex and tilde prints as the font's own "ễ"; control
  // characters other than line breaks and tabs have no glyph: dropped, never drawn as boxes.
  const text = (value: string) => value.normalize("NFC").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
  const width = pdf.page.width - 2 * MARGIN;

  pdf.font("bold").fontSize(18).text(text(doc.title), { width, features: SHAPING });
  pdf.font("body").fontSize(12).text(text(doc.subject), { width, features: SHAPING });
  pdf.moveDown(0.5).fontSize(10).text(text(doc.produced), { width, features: SHAPING });
  pdf.font("italic").text(text(doc.caveat), { width, features: SHAPING });

  pdf.moveDown().font("bold").fontSize(13).text("Summary");
  for (const row of doc.summary) {
    pdf.font("bold").fontSize(10).text(`${text(row.key)}: `, { continued: true, width, features: SHAPING }).font("body").text(text(row.value), { width, features: SHAPING });
  }

  pdf.moveDown().font("bold").fontSize(13).text("Stages against their targets");
  for (const stage of doc.stages) {
    pdf.moveDown(0.3).font("bold").fontSize(10).text(text(stage.title), { width, features: SHAPING });
    pdf.font("body").text(text(`${stage.owner} · target ${stage.target} · due ${stage.due} · ${stage.outcome}`), { width, features: SHAPING });
  }

  pdf.moveDown().font("bold").fontSize(13).text("Chronology (oldest first)");
  for (const entry of doc.entries) {
    pdf.moveDown(0.4).font("bold").fontSize(10).text(text(`${entry.when} (${entry.sinceRescue})`), { width, features: SHAPING });
    pdf.font("body").text(text(entry.restricted ? `${entry.sentence} [${entry.restricted}]` : entry.sentence), { width, features: SHAPING });
    pdf.fillColor("#505a5f").text(text(`by ${entry.by}`), { width, features: SHAPING }).fillColor("black");
    if (entry.detail) pdf.text(text(entry.detail), { width, features: SHAPING });
  }

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    pdf.page.margins.bottom = 0;
    pdf.font("body").fontSize(8).text(text(`${doc.title} · page ${i + 1} of ${range.count} · ${doc.produced}`), MARGIN, pdf.page.height - MARGIN + 15, { width, lineBreak: false, features: SHAPING });
  }
  pdf.end();
  return done;
}
