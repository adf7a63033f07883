// The rules of a TOTP code (RFC 6238) that do not need the secret: which 30-second steps a code may
// be for, and that no step is accepted twice. Computing a code is the library's job
// (src/server/auth/totp.ts, @oslojs/otp).

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are still accepted: a phone clock a little out, or a slow typist. */
export const TOTP_WINDOW_STEPS = 1;

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The steps a code typed now may be for, nearest first. */
export function acceptableSteps(now: Date): number[] {
  const current = totpStepAt(now);
  const steps = [current];
  for (let offset = 1; offset <= TOTP_WINDOW_STEPS; offset++) steps.push(current - offset, current + offset);
  return steps;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "wrong-code" | "code-used" };

/**
 * Which step a typed code is for, given a test of "is this the code for that step". A code for a
 * step no later than the last one accepted has been used (or is older than one that was): refused,
 * so a code seen over a shoulder or in a proxy log cannot be used again. Callers still record the
 * step with a conditional update, so that two requests with one code cannot both win.
 */
export function checkTotpCode(isCodeForStep: (step: number) => boolean, now: Date, lastUsedStep: number | null): TotpCheck {
  const step = acceptableSteps(now).find(isCodeForStep);
  if (step === undefined) return { ok: false, reason: "wrong-code" };
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: "code-used" };
  return { ok: true, step };
}

/** What a person typed, as the six digits it should be: spaces and dashes ("123 456") are dropped. */
export function normaliseTotpCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits) ? digits : null;
}

/** A base32 secret as people copy it into an app by hand: groups of four. */
export function secretInGroups(base32: string): string {
  return (base32.match(/.{1,4}/g) ?? []).join(" ");
}
