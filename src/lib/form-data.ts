import type { FormState } from "./form-state";

/**
 * What the app's forms really post, with room to spare. The deepest name is `people.99.name` (three
 * parts); a rescue holds at most MAX_PEOPLE_PER_RESCUE (60) people, so indexes stop at 99; the
 * biggest form (100 people × 16 fields, checkboxes counted once per tick) stays under 2,000 fields.
 * Anything beyond is not a form of ours: it is refused whole, before any object is built.
 */
export const FORM_LIMITS = { maxFields: 2_000, maxDepth: 3, maxIndex: 99, maxNameLength: 100 } as const;

// A name part is a camelCase word or an index without leading zeros. `__proto__` fails this already.
const WORD = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const INDEX = /^(0|[1-9]\d{0,2})$/;
// Words that reach an object's prototype. With the trees below they would be harmless keys, but the
// result is handed to zod, to React and back to the browser, so they never get that far.
const PROTOTYPE_WORDS = new Set(["__proto__", "constructor", "prototype"]);

type Leaf = { kind: "leaf"; values: string[] };
type Branch = { kind: "branch"; indexed: boolean; children: Map<string, Node> };
type Node = Leaf | Branch;

export type FormFields = { ok: true; input: Record<string, unknown> } | { ok: false; state: FormState };

class MalformedForm extends Error {}

const MALFORMED: FormState = {
  fieldErrors: {},
  formError: "This form could not be read. Reload the page and fill it in again.",
};

/**
 * Turns form fields named like `people.2.name` into nested objects and arrays, and repeated names
 * (checkboxes) into arrays of strings. Files are ignored: no form here uploads any.
 *
 * The fields come from anyone signed in, so nothing here trusts them: the tree is built in Maps (no
 * prototype to reach), an index is a key until the end (a huge index never allocates an array), and
 * a name outside FORM_LIMITS refuses the whole form with a plain message rather than a partial read.
 */
export function readFormFields(formData: FormData): FormFields {
  try {
    return { ok: true, input: toObject(buildTree(formData)) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof MalformedForm) return { ok: false, state: MALFORMED };
    throw error;
  }
}

function buildTree(formData: FormData): Branch {
  const root: Branch = { kind: "branch", indexed: false, children: new Map() };
  let count = 0;
  for (const [name, value] of formData.entries()) {
    if (++count > FORM_LIMITS.maxFields) throw new MalformedForm("too many fields");
    // React's own fields for forms posted before JavaScript has loaded.
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    addField(root, splitName(name), value);
  }
  return root;
}

function splitName(name: string): string[] {
  if (name.length > FORM_LIMITS.maxNameLength) throw new MalformedForm("name too long");
  const parts = name.split(".");
  if (parts.length > FORM_LIMITS.maxDepth) throw new MalformedForm("nested too deep");
  parts.forEach((part, i) => {
    if (PROTOTYPE_WORDS.has(part)) throw new MalformedForm("prototype key");
    const isIndex = INDEX.test(part) && Number(part) <= FORM_LIMITS.maxIndex;
    // The first part names a field of the form itself, never a list position.
    if (!(WORD.test(part) || (i > 0 && isIndex))) throw new MalformedForm("bad name part");
  });
  return parts;
}

function addField(root: Branch, parts: string[], value: string) {
  let branch = root;
  parts.forEach((part, i) => {
    const indexed = INDEX.test(part);
    // One list or one record per name: `people.0` and `people.name` side by side is no form of ours.
    if (branch.children.size > 0 && branch.indexed !== indexed) throw new MalformedForm("list and record mixed");
    branch.indexed = indexed;
    const existing = branch.children.get(part);
    if (i === parts.length - 1) {
      if (existing?.kind === "branch") throw new MalformedForm("field and group share a name");
      if (existing) existing.values.push(value);
      else branch.children.set(part, { kind: "leaf", values: [value] });
      return;
    }
    if (existing?.kind === "leaf") throw new MalformedForm("field and group share a name");
    const next: Branch = existing ?? { kind: "branch", indexed: false, children: new Map() };
    branch.children.set(part, next);
    branch = next;
  });
}

// Object.fromEntries defines own properties (it never calls a setter), and every key has passed
// splitName. The objects are plain rather than null-prototype because React refuses to send
// null-prototype objects back to the form (the action returns what was typed as `values`).
function toObject(node: Node): unknown {
  if (node.kind === "leaf") return node.values.length === 1 ? node.values[0] : node.values;
  const entries = [...node.children.entries()];
  if (!node.indexed) return Object.fromEntries(entries.map(([key, child]) => [key, toObject(child)]));
  // Rows removed from a repeating form leave gaps in the indexes ("people.0", "people.2").
  return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => toObject(child));
}
