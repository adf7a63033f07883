/**
 * The text of an uncompressed PDF made by pdfkit with its built-in fonts: each `[...] TJ` array's hex
 * strings, decoded as Latin-1 (WinAnsi), one line per array. Enough to check what a chronology says;
 * not a general PDF reader.
 */
// WinAnsi's bytes 0x80 to 0x9f that pdfkit uses for characters outside Latin-1.
const WIN_ANSI: Record<number, string> = { 0x80: "€", 0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—" };

function decode(hex: string): string {
  return [...Buffer.from(hex, "hex")].map((byte) => WIN_ANSI[byte] ?? String.fromCharCode(byte)).join("");
}

export function pdfText(pdf: Buffer | Uint8Array): string {
  const source = Buffer.from(pdf).toString("latin1");
  const lines: string[] = [];
  for (const array of source.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
    const parts = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decode(hex[1]!));
    lines.push(parts.join(""));
  }
  return lines.join("\n");
}
