import { ForbiddenError, NotFoundError } from "@/server/errors";

/**
 * Turns the refusals a use case throws into what a form shows. "Not found" and "not allowed" read
 * the same, so a refusal never confirms that a record exists. Anything else is a fault: rethrown.
 */
export function refusalState(error: unknown): { ok: false; fieldErrors: Record<string, string>; formError: string; rule: string } {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) {
    return {
      ok: false,
      fieldErrors: {},
      formError: "This record was not found, or you do not have access to it.",
      // The rule is not a secret: "not visible" reads the same whether the record exists or not.
      rule: error instanceof ForbiddenError ? error.rule : `visibility: ${error.entity} not found or not visible`,
    };
  }
  throw error;
}
