import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HIDDEN_CHARACTERS_MESSAGE, typedText } from "./text";
import { wholeNumber } from "./whole-number";

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]?.message;
};

describe("typedText", () => {
  const line = typedText().trim().max(60);
  const lines = typedText({ multiline: true }).trim().max(2000);

  it.each(["\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u0085", "two\nlines", "carriage\rreturn"])(
    "refuses %j in a line of text, next to the field",
    (value) => {
      expect(messageOf(line, value)).toBe(HIDDEN_CHARACTERS_MESSAGE);
    },
  );

  it.each(["\u0000", "note\u0000", "\u000b", "\u001f"])("refuses %j in a box of several lines", (value) => {
    expect(messageOf(lines, value)).toBe(HIDDEN_CHARACTERS_MESSAGE);
  });

  it("keeps ordinary text, accents, emoji and tabs; line breaks in several lines", () => {
    expect(line.parse("  Zoë Ó Briain – café 😀\tx ")).toBe("Zoë Ó Briain – café 😀\tx");
    expect(lines.parse("First line\r\nSecond\tline\n")).toBe("First line\r\nSecond\tline");
  });

  it("still applies the rules chained after it", () => {
    expect(messageOf(typedText().max(3, "Too long"), "abcd")).toBe("Too long");
    expect(messageOf(typedText({ error: "Enter the address" }), undefined)).toBe("Enter the address");
  });
});

describe("wholeNumber", () => {
  const hours = wholeNumber("Enter a whole number of hours", z.number().min(1, "At least 1").max(168, "At most 168"));

  it.each(["0x10", "0b1", "0o7", "1e3", "1.5", "+5", "--5", "5-", " ", "", "Infinity", "NaN", "١٢", "12abc", "1_000", "9999999999"])(
    "refuses %j with the field's message",
    (value) => {
      expect(messageOf(hours, value)).toBe("Enter a whole number of hours");
    },
  );

  it("refuses a missing field with the same message", () => {
    expect(messageOf(z.object({ n: hours }), {})).toBe("Enter a whole number of hours");
  });

  it("reads digits, with spaces around them, and numbers a test passes directly", () => {
    expect(hours.parse("16")).toBe(16);
    expect(hours.parse(" 007 ")).toBe(7);
    expect(hours.parse(24)).toBe(24);
  });

  it("then applies the range", () => {
    expect(messageOf(hours, "0")).toBe("At least 1");
    expect(messageOf(hours, "169")).toBe("At most 168");
    expect(messageOf(hours, "-5")).toBe("At least 1");
    expect(Object.is(wholeNumber("x").parse("-0"), 0)).toBe(true);
    expect(wholeNumber("x").parse("0")).toBe(0);
  });
});
