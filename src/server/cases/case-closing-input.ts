import "server-only";
import { z } from "zod";
import { CASE_CLOSE_REASONS } from "@/domain/cases/case-closing";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { refused } from "@/domain/result";

const NOTE_MAX = 2000;

const formVersion = wholeNumber("Reload the page and try again: the form is out of date");

export const closeCaseSchema = z.object({
  personId: z.uuid("Person not found"),
  caseVersion: formVersion,
  reason: z.enum(CASE_CLOSE_REASONS, { error: "Select why the case is closing" }),
  note: typedText({ multiline: true }).trim().min(1, "Enter a note about why the case is closing").max(NOTE_MAX, `Enter ${NOTE_MAX} characters or fewer`),
});

export const reopenCaseSchema = z.object({
  personId: z.uuid("Person not found"),
  caseVersion: formVersion,
  reason: typedText({ multiline: true }).trim().min(1, "Enter why the case is being reopened").max(NOTE_MAX, `Enter ${NOTE_MAX} characters or fewer`),
});

const MESSAGES = {
  "stale-version": "Someone else closed or reopened this case while you were looking at it. Check the case as it is now and try again.",
  "case-closed": "This case is already closed.",
  "case-open": "This case is not closed, so there is nothing to reopen.",
} as const;

export function caseClosingRefused(code: keyof typeof MESSAGES) {
  return refused(code, MESSAGES[code]);
}
