import "server-only";

/**
 * Prisma hands `contains` to (I)LIKE as it is: without this, "%" or "_" typed in a search box would
 * match anything. Use it for every `contains` built from what someone typed.
 */
export function containsLiterally(text: string): { contains: string; mode: "insensitive" } {
  return { contains: text.replace(/[\\%_]/g, (character) => `\\${character}`), mode: "insensitive" };
}
