import { z } from "zod";

// A minus sign is read so that "-3" gets the range's message ("1 or more") rather than "not a number".
const DIGITS = /^-?\d{1,9}$/;

/**
 * A whole number typed into a form: digits only, perhaps after a minus sign. `Number()` (and
 * z.coerce.number) reads "0x10" as 16, "1e3" as 1000 and a blank as 0, so a typo or a script could
 * store a value nobody typed. A blank, and anything else but digits, is refused with `message`,
 * next to the field. Nine digits at most, so the result is an exact integer; `range` adds bounds.
 */
export function wholeNumber(message: string, range: z.ZodNumber = z.number()) {
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((value, ctx) => {
      const text = String(value).trim();
      if (!DIGITS.test(text)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      // + 0 turns "-0" into 0.
      return Number(text) + 0;
    })
    .pipe(range);
}
