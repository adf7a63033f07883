import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { hashSessionSecret } from "./session-secret";

export const RECOVERY_CODE_COUNT = 10;
// Lower case letters and digits without look-alikes (no 0/o, 1/l/i): easy to read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const CODE_LENGTH = 16;

/**
 * A code of 16 characters from 31 (about 79 bits), shown as "abcd-efgh-jkmn-pqrs". That much
 * randomness makes a plain SHA-256 hash enough to store it (as for session secrets): there is no
 * short list of likely codes to try, so a slow hash would only slow down enrolment.
 */
function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_LENGTH * 2);
  let code = "";
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (code.length === CODE_LENGTH) break;
    if (byte < 248) code += ALPHABET[byte % ALPHABET.length];
  }
  while (code.length < CODE_LENGTH) code += ALPHABET[randomBytes(1)[0]! % ALPHABET.length];
  return code.match(/.{4}/g)!.join("-");
}

/** What a person typed, as stored: lower case, no spaces or dashes. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z0-9]{16}$/.test(code) ? code : null;
}

export function hashRecoveryCode(normalised: string): string {
  return hashSessionSecret(`recovery:${normalised}`);
}

/** A new set of codes for the user; every earlier code stops working. Returns the codes, shown once. */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string[]> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!), createdAt: now })),
  });
  return codes;
}
