/** "1 minute 30 seconds", "2 minutes", "45 seconds": how the timeout warning says time left. */
export function describeTimeLeft(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? "minute" : "minutes"}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? "second" : "seconds"}`);
  return parts.join(" ");
}

/**
 * What screen readers hear: the time rounded up to the half minute, so the live region changes every
 * 30 seconds rather than every second.
 */
export function describeTimeLeftForScreenReaders(ms: number): string {
  const halfMinutes = Math.max(1, Math.ceil(ms / 30_000));
  return describeTimeLeft(halfMinutes * 30_000);
}
