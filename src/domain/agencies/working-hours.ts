// Times of day and working hours as people read and type them. No zod here: client components import
// this, and zod probes for eval when it loads, which the Content-Security-Policy refuses.

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" as minutes after midnight (570); null unless it is a 24-hour HH:MM time. */
export function minutesFromTime(text: string): number | null {
  const match = TIME.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 570 as "09:30". */
export function timeFromMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The hours as people read them. */
export function describeWorkingHours(agency: { officeHoursOnly: boolean; opensAtMinute: number; closesAtMinute: number }): string {
  if (!agency.officeHoursOnly) return "24 hours, every day";
  return `${timeFromMinutes(agency.opensAtMinute)} to ${timeFromMinutes(agency.closesAtMinute)}, working days (London time)`;
}
