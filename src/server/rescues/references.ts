import "server-only";
import { randomInt } from "node:crypto";

// Crockford base32 without I, L, O, U: easy to read aloud over a phone line.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function randomCode(length: number): string {
  let code = "";
  for (let i = 0; i < length; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Random, not sequential, so a reference says nothing about how many cases there are. */
export function newRescueReference(occurredAt: Date): string {
  return `RES-${occurredAt.getUTCFullYear()}-${randomCode(6)}`;
}

export function newCaseReference(): string {
  return `VCP-${randomCode(4)}-${randomCode(4)}`;
}
