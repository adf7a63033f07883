import { formatLondonTime } from "../time/london";

const MINUTE = 60_000;

// One wording whether or not the account exists: the message must not tell an attacker which emails are real.
export const WRONG_EMAIL_OR_PASSWORD = "The email address or password is not right. Check them and try again.";

export const SIGN_IN_BUSY = "The service is busy signing other people in. Wait a few seconds, then try again.";

/**
 * "Too many attempts. Try again at 14:32 GMT (in 15 minutes)." The time is rounded up to the minute,
 * so a person who waits until then is never refused again for being a few seconds early.
 */
export function tooManyAttemptsMessage(retryAt: Date, now: Date): string {
  const wait = retryAt.getTime() - now.getTime();
  if (wait < MINUTE) {
    const seconds = Math.max(1, Math.ceil(wait / 1_000));
    return `Too many attempts. Wait ${seconds} ${seconds === 1 ? "second" : "seconds"}, then try again.`;
  }
  const at = new Date(Math.ceil(retryAt.getTime() / MINUTE) * MINUTE);
  const minutes = Math.ceil((at.getTime() - now.getTime()) / MINUTE);
  return `Too many attempts. Try again at ${formatLondonTime(at)} (in ${minutes} minutes).`;
}

export const ACCOUNT_NOT_SET_UP =
  "Your account is not set up yet. Use the activation link your administrator gave you. If you do not have one, or it no longer works, ask your administrator for a new link.";

export const WRONG_CODE = "The code is not right. Enter the 6-digit code your authenticator app shows now.";
export const WRONG_RECOVERY_CODE = "The recovery code is not right. Check it and try again.";
export const CODE_ALREADY_USED = "That code has already been used. Wait for your authenticator app to show a new code, then enter it.";
export const RECOVERY_CODE_ALREADY_USED = "That recovery code has already been used. Each recovery code works once: use another one.";
export const SIGN_IN_TIMED_OUT = "Your sign-in has timed out. Sign in again with your email address and password.";
