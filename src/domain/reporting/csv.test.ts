import { describe, expect, it } from "vitest";
import { csvFileName, neutraliseCell, toCsv } from "./csv";

describe("neutraliseCell", () => {
  it.each([
    ["=HYPERLINK(\"http://example.invalid\")", "'=HYPERLINK(\"http://example.invalid\")"],
    ["+44 1642 000000", "'+44 1642 000000"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Health check (triage)", "Health check (triage)"],
    ["<5", "<5"],
  ])("writes %j as %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it("writes numbers, including negative ones, as numbers, and nothing for missing values", () => {
    expect(neutraliseCell(-3)).toBe("-3");
    expect(neutraliseCell(12.5)).toBe("12.5");
    expect(neutraliseCell(Number.NaN)).toBe("");
    expect(neutraliseCell(null)).toBe("");
  });
});

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and ends every line with CRLF", () => {
    expect(toCsv([["Stage", "Count"], ["Victim support, legal advice", 12], ['Said "no"', "<5"], ["two\nlines", 0]])).toBe(
      'Stage,Count\r\n"Victim support, legal advice",12\r\n"Said ""no""",<5\r\n"two\nlines",0\r\n',
    );
  });

  it("neutralises before quoting, so a quoted formula is still text", () => {
    expect(toCsv([["=1,2"]])).toBe(`"'=1,2"\r\n`);
  });
});

describe("csvFileName", () => {
  it("keeps only letters, digits and hyphens in each part", () => {
    expect(csvFileName(["PCC dashboard", "Timeliness", "2026-Q3", "age: child/disputed", "../etc"])).toBe(
      "pcc-dashboard_timeliness_2026-q3_age-child-disputed_etc.csv",
    );
    expect(csvFileName(["", "!!"])).toBe("export.csv");
  });
});
