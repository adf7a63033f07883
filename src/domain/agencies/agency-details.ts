import { z } from "zod";
import { typedText } from "../input/text";
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from "../types";
import { minutesFromTime } from "./working-hours";

export const MAX_AGENCY_NAME_LENGTH = 100;

/** An agency's name as typed: trimmed, inner runs of spaces made one, never blank. */
export const agencyNameSchema = typedText({ error: "Enter the agency's name" })
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Enter the agency's name")
      .max(MAX_AGENCY_NAME_LENGTH, `Enter a name of ${MAX_AGENCY_NAME_LENGTH} characters or fewer`),
  );

export const agencyKindSchema = z.enum(AGENCY_KINDS, { error: "Select what kind of agency it is" });

export function nameTakenMessage(name: string): string {
  return `There is already an agency called ${name} in this partnership. Choose a different name.`;
}

export const WORKING_HOURS = ["always", "office"] as const;
export type WorkingHoursChoice = (typeof WORKING_HOURS)[number];

export type WorkingHours = { officeHoursOnly: false } | { officeHoursOnly: true; opensAtMinute: number; closesAtMinute: number };

const timeField = (what: string) =>
  typedText({ error: `Enter the ${what} time, like 09:00` })
    .trim()
    .optional()
    .default("");

/**
 * Working hours as the form sends them: round the clock, or office hours with an opening and a closing
 * time (HH:MM, London time) on working days. Each problem is reported next to its own field.
 */
export const workingHoursSchema = z
  .object({
    hours: z.enum(WORKING_HOURS, { error: "Select when the agency works" }),
    opensAt: timeField("opening"),
    closesAt: timeField("closing"),
  })
  .transform((value, ctx): WorkingHours => {
    if (value.hours === "always") return { officeHoursOnly: false };
    const opens = minutesFromTime(value.opensAt);
    const closes = minutesFromTime(value.closesAt);
    if (opens === null) {
      ctx.addIssue({ code: "custom", path: ["opensAt"], message: value.opensAt ? "Enter the opening time as hours and minutes, like 09:00" : "Enter the opening time, like 09:00" });
    }
    if (closes === null) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: value.closesAt ? "Enter the closing time as hours and minutes, like 17:00" : "Enter the closing time, like 17:00" });
    }
    if (opens !== null && closes !== null && closes <= opens) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The closing time must be after the opening time" });
    }
    if (opens === null || closes === null || closes <= opens) return z.NEVER;
    return { officeHoursOnly: true, opensAtMinute: opens, closesAtMinute: closes };
  });

/** An agency's name wherever its history is shown: a retired agency says so. */
export function agencyDisplayName(agency: { name: string; retiredAt: Date | null }): string {
  return agency.retiredAt ? `${agency.name} (retired)` : agency.name;
}

export function agencyKindLabel(kind: AgencyKind): string {
  return AGENCY_KIND_LABELS[kind];
}

/**
 * Kinds a partnership cannot be without, whatever its pathway says: police log most rescues and read
 * accommodation addresses, and the partnership team holds the coordinator and the administrators.
 */
export const ALWAYS_NEEDED_KINDS: readonly AgencyKind[] = ["POLICE", "PARTNERSHIP"];

/**
 * Offers the other active agencies an administrator may move open work to: casework kinds only, the
 * retiring agency's own kind first, then by name.
 */
export function orderMoveTargets<T extends { id: string; name: string; kind: AgencyKind }>(candidates: readonly T[], retiring: { id: string; kind: AgencyKind }): T[] {
  return candidates
    .filter((candidate) => candidate.id !== retiring.id)
    .sort((a, b) => Number(b.kind === retiring.kind) - Number(a.kind === retiring.kind) || a.name.localeCompare(b.name, "en-GB"));
}
