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
