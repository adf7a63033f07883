import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { checkTotpCode, TOTP_DIGITS, TOTP_PERIOD_SECONDS, type TotpCheck } from "@/domain/auth/totp-steps";

export const TOTP_ISSUER = "Victim Care Pathway";

/** 160 random bits (RFC 4226's recommended length), in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return encodeBase32NoPadding(randomBytes(20));
}

/** The code for one 30-second step (a TOTP code is the HOTP code of its step). */
export function totpCodeForStep(secret: string, step: number): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), TOTP_DIGITS);
}

/** Is `code` right now (±1 step) and for a step after the last one accepted? */
export function checkTotp(secret: string, code: string, now: Date, lastUsedStep: number | null): TotpCheck {
  const typed = Buffer.from(code);
  return checkTotpCode(
    (step) => {
      const expected = Buffer.from(totpCodeForStep(secret, step));
      return expected.length === typed.length && timingSafeEqual(expected, typed);
    },
    now,
    lastUsedStep,
  );
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpKeyUri(accountName: string, secret: string): string {
  return createTOTPKeyURI(TOTP_ISSUER, accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}
