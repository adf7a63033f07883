import type { Result } from "@/domain/result";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import type { Actor } from "@/server/access/actor";
import { requireActor } from "@/server/access/current-actor";
import { ForbiddenError, NotFoundError } from "@/server/errors";

export type FormUseCaseOutcome<T> = { ok: true; data: T; input: Record<string, unknown> } | { ok: false; state: FormState };

/**
 * The one way a server action runs its use case: the signed-in user (or sign-in), the form read by
 * the hostile-input parser, the use case, and every refusal turned into what the form shows — the
 * use case's own (with its code), or "not found" for a record the user may not see or a role that
 * may not act, which read the same so a refusal never confirms that a record exists. Anything else
 * is a fault and is thrown. What was typed goes back only in this response, to the user who typed it.
 */
export async function runFormUseCase<T>(
  formData: FormData | null,
  run: (actor: Actor, input: Record<string, unknown>) => Promise<Result<T>>,
): Promise<FormUseCaseOutcome<T>> {
  const actor = await requireActor();
  const form = formData ? readFormFields(formData) : ({ ok: true, input: {} } as const);
  if (!form.ok) return { ok: false, state: form.state };
  const { input } = form;
  try {
    const result = await run(actor, input);
    if (result.ok) return { ok: true, data: result.data, input };
    return { ok: false, state: { code: result.code, fieldErrors: result.fieldErrors, formError: result.formError, values: input } };
  } catch (error) {
    return { ok: false, state: { ...accessRefusal(error), values: input } };
  }
}

/** Not visible and not allowed, as a form shows them; anything else is rethrown. */
export function accessRefusal(error: unknown): FormState {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) {
    return {
      code: error instanceof ForbiddenError ? "not-permitted" : "not-found",
      fieldErrors: {},
      formError: "This record was not found, or you do not have access to it.",
      // The rule is not a secret: "not visible" reads the same whether the record exists or not.
      rule: error instanceof ForbiddenError ? error.rule : `visibility: ${error.entity} not found or not visible`,
    };
  }
  throw error;
}
