import { inflateSync } from "node:zlib";

/**
 * The text of a PDF made by pdfkit, as a reader copying it would get it: each `[...] TJ` array, one line
 * per array, decoded with the font set by the last `/Fn size Tf` before it. An embedded font (Type0,
 * Identity-H, as pdfkit writes for a TTF) is read through its ToUnicode CMap, the mapping every viewer
 * uses for copy, search and screen readers: a glyph the CMap does not map would be lost here as there.
 * A built-in font is read as WinAnsi. Flate-compressed streams are inflated. Lines come out in NFC, so a
 * base letter and its combining marks compare equal to the precomposed letter. Enough to check what a
 * chronology says; not a general PDF reader.
 */
// WinAnsi's bytes 0x80 to 0x9f that pdfkit uses for characters outside Latin-1.
const WIN_ANSI: Record<number, string> = { 0x80: "€", 0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—" };

type PdfObject = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<number, PdfObject> {
  const source = pdf.toString("latin1");
  const found = new Map<number, PdfObject>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const streamAt = body.indexOf("stream");
    if (streamAt < 0) {
      found.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + "stream".length;
    if (body[start] === "\r") start += 1;
    if (body[start] === "\n") start += 1;
    const end = body.lastIndexOf("endstream");
    let raw = Buffer.from(body.slice(start, end), "latin1");
    if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    found.set(Number(match[1]), { dict, stream: raw });
  }
  return found;
}

/** A ToUnicode CMap's code → text, from its bfchar and bfrange sections (2-byte codes, as pdfkit writes). */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // A hex string may hold spaces; one entry can stand for several characters (a ligature).
  const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ""), "hex").swap16().toString("utf16le");
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)/g)) {
      const first = parseInt(range[1]!, 16);
      const last = parseInt(range[2]!, 16);
      const target = range[3]!;
      if (target.startsWith("[")) {
        [...target.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((hex, i) => map.set(first + i, utf16(hex[1]!)));
      } else {
        const base = Buffer.from(target.slice(1, -1), "hex");
        for (let code = first; code <= last; code++) {
          const text = Buffer.from(base);
          text.writeUInt16BE(text.readUInt16BE(text.length - 2) + (code - first), text.length - 2);
          map.set(code, text.swap16().toString("utf16le"));
        }
      }
    }
  }
  return map;
}

type Decoder = (hex: string) => string;

const winAnsi: Decoder = (hex) => [...Buffer.from(hex, "hex")].map((byte) => WIN_ANSI[byte] ?? String.fromCharCode(byte)).join("");

function fontDecoders(all: Map<number, PdfObject>): Map<string, Decoder> {
  const decoders = new Map<string, Decoder>();
  for (const { dict } of all.values()) {
    for (const fonts of dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const entry of fonts[1]!.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
        const font = all.get(Number(entry[2]))?.dict ?? "";
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font);
        if (!toUnicode) {
          decoders.set(entry[1]!, winAnsi);
          continue;
        }
        const cmap = parseCMap(all.get(Number(toUnicode[1]))?.stream?.toString("latin1") ?? "");
        decoders.set(entry[1]!, (hex) => (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(parseInt(code, 16)) ?? "").join(""));
      }
    }
  }
  return decoders;
}

export function pdfText(pdf: Buffer | Uint8Array): string {
  const all = objects(Buffer.from(pdf));
  const decoders = fontDecoders(all);
  const lines: string[] = [];
  for (const { dict, stream } of all.values()) {
    // Content streams: the ones that set a font and show text (not fonts, CMaps or images).
    if (!stream || /\/Subtype|\/Length1|CIDSystemInfo/.test(dict)) continue;
    const content = stream.toString("latin1");
    let decode: Decoder = winAnsi;
    for (const op of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
      if (op[1]) {
        decode = decoders.get(op[1]) ?? winAnsi;
        continue;
      }
      lines.push([...op[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decode(hex[1]!)).join(""));
    }
  }
  // A combining mark drawn on its own (moved by the font's mark positioning) belongs to the letter before it.
  return lines.join("\n").replace(/\s+(?=\p{M})/gu, "").normalize("NFC");
}
