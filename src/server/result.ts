import type { z } from "zod";

/** What every use case and server action returns for expected outcomes. */
export type Result<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function refused(formError: string, fieldErrors: Record<string, string> = {}): Result<never> {
  return { ok: false, fieldErrors, formError };
}

/** zod issues as one message per field, keyed by dotted path ("people.2.ageGroup"). */
export function invalid(error: z.ZodError): Result<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, formError: "There is a problem: check the highlighted answers." };
}
