/**
 * CSV for the dashboard's downloads (RFC 4180, CRLF line ends). A cell that a spreadsheet would run
 * as a formula — starting with =, +, -, @, a tab or a carriage return — gets a leading apostrophe, so
 * it is shown as text. Negative numbers are not formulas: numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map((cell) => quote(neutraliseCell(cell))).join(",")).join("\r\n") + "\r\n";
}

/** A file name made only of safe characters: "pcc-dashboard_timeliness_2026-Q3_age-child.csv". */
export function csvFileName(parts: readonly string[]): string {
  const slug = parts
    .map((part) => part.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, ""))
    .filter(Boolean)
    .join("_");
  return `${slug || "export"}.csv`;
}
