import type { BulkAssignReport } from "@/domain/queue/bulk-selection";
import type { RefusalCode } from "@/domain/result";

/** What a form's server action hands back to the form: field errors, a form-level error, and what was typed. */
export type FormState = {
  /** Why the use case refused, for code and tests (see REFUSAL_CODES). */
  code?: RefusalCode;
  fieldErrors: Record<string, string>;
  formError?: string;
  values?: Record<string, unknown>;
  /** Which access rule refused the request, for logs and tests; the message above is what people read. */
  rule?: string;
};

export const initialFormState: FormState = { fieldErrors: {} };

/** A server action as a form calls it through useActionState. */
export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** A one-time link an action made, shown once to the administrator who asked for it and kept nowhere. */
export type IssuedLink = { url: string; expiresAt: string; purpose: "ACTIVATE" | "RESET_PASSWORD" | "RESET_SECOND_FACTOR" };

/** The state of a form whose action may hand back a one-time link. */
export type LinkFormState = FormState & { link?: IssuedLink; userName?: string; userId?: string };

/** The state of the queue's bulk assignment: what was assigned and what was not, and why. */
export type BulkAssignFormState = FormState & { report?: BulkAssignReport };
