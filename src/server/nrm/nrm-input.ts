import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import type { Prisma } from "@/generated/prisma/client";
import { ACTIVE_AGENCY_WHERE } from "../agencies/agency-filters";
import type { Actor } from "../access/actor";

/** A free-text answer of one line, refused next to its field when empty, too long or hidden characters. */
export function lineOfText(missing: string, max: number) {
  return typedText({ error: missing }).trim().min(1, missing).max(max, `Enter ${max} characters or fewer`);
}

/** A choice among fixed values; anything else reads as not chosen. */
export function choice<T extends readonly [string, ...string[]]>(values: T, missing: string) {
  return z.enum(values, { error: missing });
}

/** Ticked checkboxes: none, one (a string) or several (an array). */
export const tickedIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.uuid("Choose agencies from the list")).max(20, "Choose agencies from the list"));

/** Agencies consent or a lawful basis can name: the caller's partnership's active agencies that work cases. */
export function nameableAgencies(actor: Actor): Prisma.AgencyWhereInput {
  return { partnershipId: actor.partnershipId, ...ACTIVE_AGENCY_WHERE, kind: { notIn: ["PCC_OFFICE", "PARTNERSHIP"] } };
}
