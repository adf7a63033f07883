import { describe, expect, it } from "vitest";
import { MAX_SEARCH_LENGTH, parsePageNumber, parseSearchTerm } from "./search-terms";

const TODAY = new Date("2026-12-01T12:00:00Z");

describe("reading the search box", () => {
  it("recognises a case reference and a rescue reference in any capitals", () => {
    expect(parseSearchTerm(" vcp-ab12-cd34 ", TODAY)).toEqual({ ok: true, term: { kind: "case-reference", value: "VCP-AB12-CD34" } });
    expect(parseSearchTerm("res-2026-7k3m9q", TODAY)).toEqual({ ok: true, term: { kind: "rescue-reference", value: "RES-2026-7K3M9Q" } });
  });

  it("reads a date of birth written the British way or as ISO, and refuses one that is not real or not past", () => {
    expect(parseSearchTerm("27/03/1990", TODAY)).toEqual({ ok: true, term: { kind: "date-of-birth", value: new Date("1990-03-27T00:00:00Z") } });
    expect(parseSearchTerm("1990-03-27", TODAY)).toEqual({ ok: true, term: { kind: "date-of-birth", value: new Date("1990-03-27T00:00:00Z") } });
    expect(parseSearchTerm("31/02/1990", TODAY)).toEqual({ ok: false, error: "Enter a real date of birth, for example 27/03/1990" });
    expect(parseSearchTerm("02/12/2026", TODAY)).toEqual({ ok: false, error: "A date of birth must be in the past" });
  });

  it("takes anything else as text, spaces tidied, from 2 characters", () => {
    expect(parseSearchTerm("  Mira   Fictional ", TODAY)).toEqual({ ok: true, term: { kind: "text", value: "Mira Fictional" } });
    expect(parseSearchTerm("VCP-AB12", TODAY)).toEqual({ ok: true, term: { kind: "text", value: "VCP-AB12" } });
    expect(parseSearchTerm("M", TODAY)).toEqual({ ok: false, error: "Enter at least 2 characters" });
  });

  it("treats a blank box as no search, and refuses hostile input with a message", () => {
    expect(parseSearchTerm(undefined, TODAY)).toEqual({ ok: true, term: null });
    expect(parseSearchTerm("   ", TODAY)).toEqual({ ok: true, term: null });
    expect(parseSearchTerm(["a", "b"], TODAY)).toEqual({ ok: false, error: "Enter one thing to search for" });
    expect(parseSearchTerm("Mira\u0000", TODAY)).toMatchObject({ ok: false, error: expect.stringContaining("hidden characters") });
    expect(parseSearchTerm("x".repeat(MAX_SEARCH_LENGTH + 1), TODAY)).toEqual({ ok: false, error: "Search for 100 characters or fewer" });
    // Wildcards are searched for literally by the server (Prisma escapes them); here they are just text.
    expect(parseSearchTerm("%_", TODAY)).toEqual({ ok: true, term: { kind: "text", value: "%_" } });
  });
});

describe("page numbers", () => {
  it("takes a whole number from 1, and page 1 for anything else", () => {
    expect(parsePageNumber("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "0x10", "", "999999", undefined, ["2"]]) expect(parsePageNumber(bad)).toBe(1);
  });
});
