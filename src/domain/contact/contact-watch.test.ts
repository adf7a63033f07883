import { describe, expect, it } from "vitest";
import { contactGapReached, contactGapStart, contactTimeProblem, describeContact, noContactWords } from "./contact-watch";

const H = 3_600_000;
const rescue = new Date("2026-11-20T10:00:00Z");
const at = (hours: number) => new Date(rescue.getTime() + hours * H);

describe("contactGapStart", () => {
  it("starts at the rescue when nobody has reached the person yet", () => {
    expect(contactGapStart(rescue, null, null)).toEqual(rescue);
  });

  it("starts again at the last contact made, and at a reopening, whichever is later", () => {
    expect(contactGapStart(rescue, at(30), null)).toEqual(at(30));
    expect(contactGapStart(rescue, at(30), at(60))).toEqual(at(60));
    expect(contactGapStart(rescue, at(70), at(60))).toEqual(at(70));
  });
});

describe("contactGapReached", () => {
  it("is reached at exactly the limit and not a minute before", () => {
    expect(contactGapReached(rescue, new Date(at(48).getTime() - 60_000), 48)).toBe(false);
    expect(contactGapReached(rescue, at(48), 48)).toBe(true);
  });
});

describe("noContactWords", () => {
  it("says the gap in days and hours", () => {
    expect(noContactWords(rescue, at(51))).toBe("No contact for 2 d 3 h");
  });
});

describe("contactTimeProblem", () => {
  const now = at(50);
  it("accepts a time between the rescue and now", () => {
    expect(contactTimeProblem(at(49), now, rescue)).toBeNull();
  });
  it("refuses the future, before the rescue and a mistyped year", () => {
    expect(contactTimeProblem(at(51), now, rescue)).toMatch(/now or in the past/);
    expect(contactTimeProblem(at(-1), now, rescue)).toMatch(/after the rescue/);
    expect(contactTimeProblem(new Date("1026-11-20T10:00:00Z"), now, rescue)).toMatch(/last 30 days/);
  });
});

describe("describeContact", () => {
  it("says how, whether it reached them, and an interpreter", () => {
    expect(describeContact({ method: "PHONE", outcome: "MADE", interpreterUsed: true })).toBe("Contact made: phone call, with an independent interpreter");
    expect(describeContact({ method: "IN_PERSON", outcome: "ATTEMPTED", interpreterUsed: false })).toBe("Contact tried, not reached: in person");
  });
});
