import { afterEach, describe, expect, it } from "vitest";
import { FORM_LIMITS, readFormFields } from "./form-data";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function read(entries: [string, string][]) {
  return readFormFields(form(entries));
}

const REFUSED = { ok: false, state: { fieldErrors: {}, formError: expect.stringContaining("could not be read") } };

afterEach(() => {
  // A polluted prototype would show up on every object in the process.
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
});

describe("readFormFields, with what the app's forms post", () => {
  it("nests dotted names, keeps repeated names as a list and closes gaps left by removed rows", () => {
    const result = read([
      ["place", "Middlesbrough"],
      ["people.0.name", "Ana (fictional)"],
      ["people.0.immediateNeeds", "Food and water"],
      ["people.0.immediateNeeds", "Rest"],
      ["people.2.name", "Ben (fictional)"],
    ]);
    expect(result).toEqual({
      ok: true,
      input: {
        place: "Middlesbrough",
        people: [{ name: "Ana (fictional)", immediateNeeds: ["Food and water", "Rest"] }, { name: "Ben (fictional)" }],
      },
    });
  });

  it("orders rows by their index, not by the order they were posted", () => {
    const result = read([
      ["people.10.name", "Ten"],
      ["people.9.name", "Nine"],
    ]);
    expect(result).toEqual({ ok: true, input: { people: [{ name: "Nine" }, { name: "Ten" }] } });
  });

  it("takes the largest rescue the limits allow: 100 people", () => {
    const entries: [string, string][] = Array.from({ length: 100 }, (_, i) => [`people.${i}.name`, `Person ${i}`]);
    const result = read(entries);
    expect(result.ok && (result.input.people as unknown[]).length).toBe(100);
  });

  it("gives plain objects that React can send back to the form", () => {
    const result = read([["people.0.name", "Ana"]]);
    if (!result.ok) throw new Error("refused");
    expect(Object.getPrototypeOf(result.input)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((result.input.people as object[])[0])).toBe(Object.prototype);
  });

  it("skips React's own fields and files", () => {
    const data = form([["$ACTION_ID_abc", ""], ["text", "Hello"]]);
    data.append("upload", new Blob(["x"]), "x.txt");
    expect(readFormFields(data)).toEqual({ ok: true, input: { text: "Hello" } });
  });
});

describe("readFormFields, with hostile field names", () => {
  it.each([
    ["__proto__.x", "a prototype key at the top"],
    ["__proto__", "the prototype key alone"],
    ["constructor.prototype.x", "the constructor's prototype"],
    ["people.0.__proto__", "a prototype key deep down"],
    ["people.0.constructor", "constructor as a field"],
    ["prototype", "prototype as a field"],
  ])("refuses %s (%s) and pollutes nothing", (name) => {
    expect(read([[name, "polluted"]])).toEqual(REFUSED);
    expect(read([[`${name}`, "1"], ["polluted", "1"]])).toEqual(REFUSED);
  });

  it.each([
    ["people.4294967294.name", "an index near 2^32"],
    ["people.100.name", "a 101st person"],
    ["people.01.name", "an index with a leading zero"],
    ["people.-1.name", "a negative index"],
    ["0.name", "an index at the top"],
    ["people..name", "an empty part"],
    ["", "an empty name"],
    ["people.0.name.first", "one level deeper than any form"],
    ["people[0]", "brackets"],
  ])("refuses %s (%s)", (name) => {
    expect(read([[name, "x"]])).toEqual(REFUSED);
  });

  it("refuses 20,000 levels of nesting quickly", () => {
    const started = performance.now();
    expect(read([[Array.from({ length: 20_000 }, () => "a").join("."), "x"]])).toEqual(REFUSED);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("refuses an index near 2^32 without building the array", () => {
    const started = performance.now();
    expect(read([["people.0.name", "Ana"], ["people.4294967294.name", "x"]])).toEqual(REFUSED);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it(`refuses more than ${FORM_LIMITS.maxFields} fields, counting skipped ones too`, () => {
    const many: [string, string][] = Array.from({ length: FORM_LIMITS.maxFields + 1 }, () => ["$ACTION_x", ""]);
    expect(read(many)).toEqual(REFUSED);
    expect(read(many.slice(1)).ok).toBe(true);
  });

  it("refuses a name that is both a field and a group, in either order", () => {
    expect(read([["people", "x"], ["people.0.name", "y"]])).toEqual(REFUSED);
    expect(read([["people.0.name", "y"], ["people", "x"]])).toEqual(REFUSED);
    expect(read([["people.0", "x"], ["people.0.name", "y"]])).toEqual(REFUSED);
  });

  it("refuses a list mixed with a record under one name", () => {
    expect(read([["people.0", "x"], ["people.name", "y"]])).toEqual(REFUSED);
    expect(read([["people.name", "y"], ["people.0", "x"]])).toEqual(REFUSED);
  });
});
