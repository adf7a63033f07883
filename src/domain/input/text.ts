import { z } from "zod";

// Postgres text cannot hold U+0000 (the write fails), and the other control characters are never
// typed: they arrive pasted from elsewhere or from a script, and hide in what the next reader sees.
// A line of text keeps tabs; a box of several lines also keeps its line breaks.
const CONTROL_IN_LINE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
const CONTROL_IN_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const HIDDEN_CHARACTERS_MESSAGE = "Remove the hidden characters (such as a null character) from this answer";

/**
 * Every text field a person types into starts here: a string with no control characters, refused
 * next to the field. Chain trim, min and max as usual.
 */
export function typedText(options: { multiline?: boolean; error?: string } = {}) {
  const control = options.multiline ? CONTROL_IN_LINES : CONTROL_IN_LINE;
  return z.string({ error: options.error }).refine((value) => !control.test(value), HIDDEN_CHARACTERS_MESSAGE);
}
