/** What a form's server action hands back to the form: field errors, a form-level error, and what was typed. */
export type FormState = {
  fieldErrors: Record<string, string>;
  formError?: string;
  values?: Record<string, unknown>;
};

export const initialFormState: FormState = { fieldErrors: {} };
