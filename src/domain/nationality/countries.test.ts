import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultReferrerType } from "../rescue/national-categories";
import { AGENCY_KINDS } from "../types";
import { matchNationality, nationalityAliasRows, nationalityName, NATIONALITIES, NOT_KNOWN_CODE, STATELESS_CODE } from "./countries";

describe("matchNationality", () => {
  it.each([
    ["Albanian", "ALB"],
    ["albania", "ALB"],
    ["  ALBANIA  ", "ALB"],
    ["Republic of Albania", "ALB"],
    ["Shqipëria", "ALB"],
    ["ALB", "ALB"],
    ["alb", "ALB"],
    ["Vietnamese", "VNM"],
    ["Viet Nam", "VNM"],
    ["filipino", "PHL"],
    ["Indian", "IND"],
    ["Moldovan", "MDA"],
  ])("reads %o as %s", (typed, code) => {
    expect(matchNationality(typed)).toBe(code);
  });

  it.each(["British", "english", "Scottish", "Welsh", "Northern   Irish", "UK", "United Kingdom", "Great Britain", "british citizen"])(
    "reads the UK alias %o as GBR",
    (typed) => {
      expect(matchNationality(typed)).toBe("GBR");
    },
  );

  it("reads stateless and not known as ICAO 9303's XXA and XXX", () => {
    expect(matchNationality("Stateless")).toBe(STATELESS_CODE);
    expect(matchNationality("not known")).toBe(NOT_KNOWN_CODE);
    expect(matchNationality("Unknown")).toBe(NOT_KNOWN_CODE);
    expect(nationalityName("XXA")).toBe("Stateless");
    expect(nationalityName("XXX")).toBe("Not known");
  });

  it("matches nothing for text off the list, a two-letter code, part of a word, or a demonym two countries share", () => {
    for (const typed of ["Atlantis", "Kurdish", "AL", "Alban", "", "   ", "ZZZ", "Dominican", "Congolese"]) expect(matchNationality(typed), typed).toBeNull();
  });
});

describe("the list", () => {
  it("has one entry per code, every code three capital letters, countries by name then Stateless and Not known", () => {
    const codes = NATIONALITIES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(NATIONALITIES.length).toBeGreaterThan(240);
    expect(NATIONALITIES.slice(-2).map((entry) => entry.name)).toEqual(["Stateless", "Not known"]);
    expect(nationalityName("GBR")).toBe("United Kingdom");
    const names = NATIONALITIES.slice(0, -2).map((entry) => entry.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("gives the migration exactly the aliases the form matches with (its VALUES were generated from them)", () => {
    const sql = readFileSync(path.join(process.cwd(), "prisma/migrations/20261201181000_national_categories/migration.sql"), "utf8");
    const rows = [...sql.matchAll(/^ {2}\('((?:[^']|'')*)', '([A-Z]{3})'\)[,;]$/gm)].map((match) => [match[1]!.replace(/''/g, "'"), match[2]!]);
    expect(rows).toEqual(nationalityAliasRows());
    for (const [alias, code] of rows) expect(matchNationality(alias!), alias).toBe(code);
  });
});

describe("defaultReferrerType", () => {
  it("suggests the type from the logging agency's kind", () => {
    expect(Object.fromEntries(AGENCY_KINDS.map((kind) => [kind, defaultReferrerType(kind)]))).toEqual({
      POLICE: "POLICE",
      COUNCIL_SAFEGUARDING: "LOCAL_AUTHORITY",
      HEALTH: "OTHER",
      SALVATION_ARMY: "NGO",
      VCAS: "NGO",
      PCC_OFFICE: "OTHER",
      PARTNERSHIP: "OTHER",
      CHARITY: "NGO",
    });
  });
});
