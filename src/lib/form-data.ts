
function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment);
}

/**
 * Turns form fields named like `people.2.name` into nested objects and arrays, and repeated names
 * (checkboxes) into arrays of strings. Files are ignored: no form here uploads any.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const path = name.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const key = isIndex(segment) ? Number(segment) : segment;
      const container = node as Record<string | number, unknown>;
      if (last) {
        const existing = container[key];
        container[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
        return;
      }
      const nextIsIndex = isIndex(path[i + 1]!);
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return compactArrays(root) as Record<string, unknown>;
}

// Rows removed from a repeating form leave holes in the indexes ("people.0", "people.2").
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compactArrays);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, compactArrays(child)]));
  }
  return value;
}

