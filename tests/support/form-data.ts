/**
 * Flattens an object the way the app's forms name their fields ("people.0.name", repeated names
 * for checkboxes), so a server action receives what a browser would post.
 */
export function toFormData(values: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      if (value.every((item) => typeof item !== "object" || item === null)) {
        for (const item of value) form.append(name, String(item));
      } else {
        value.forEach((item, i) => add(`${name}.${i}`, item));
      }
      return;
    }
    if (typeof value === "object") {
      for (const [key, child] of Object.entries(value)) add(name ? `${name}.${key}` : key, child);
      return;
    }
    form.append(name, String(value));
  };
  add("", values);
  return form;
}

export type ActionOutcome = { redirectedTo: string; digest: string } | { threw: unknown } | { returned: unknown };

/**
 * What a server action did: the URL of Next's redirect (thrown as an error whose digest is
 * "NEXT_REDIRECT;<type>;<url>;<status>;"), another error, or a returned value.
 */
export async function outcomeOf(call: () => Promise<unknown>): Promise<ActionOutcome> {
  try {
    return { returned: await call() };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
      return { redirectedTo: digest.split(";").slice(2, -2).join(";"), digest };
    }
    return { threw: error };
  }
}
