import { describe, expect, it } from "vitest";
import { matchListHref, matchListTitle, parseMatchListQuery } from "./match-list-query";

describe("the possible earlier rescues list's address", () => {
  it("reads each view and page", () => {
    expect(parseMatchListQuery({})).toEqual({ state: "open", page: 1 });
    expect(parseMatchListQuery({ state: "same", page: "3" })).toEqual({ state: "same", page: 3 });
    expect(parseMatchListQuery({ state: "different" })).toEqual({ state: "different", page: 1 });
  });

  it("reads anything hostile, repeated or unknown as the plain list", () => {
    for (const state of ["OPEN", "constructor", "same'; DROP TABLE \"PossibleMatch\"; --", ["same", "different"], ""]) {
      expect(parseMatchListQuery({ state, page: "2" })).toEqual({ state: "open", page: 2 });
    }
    for (const page of ["-1", "0x10", "1e9", "999999999999", "2.5", ["2", "3"], ""]) {
      expect(parseMatchListQuery({ state: "same", page })).toEqual({ state: "same", page: 1 });
    }
  });

  it("writes only what differs from the default, and titles each view", () => {
    expect(matchListHref({ state: "open", page: 1 })).toBe("/possible-matches");
    expect(matchListHref({ state: "open", page: 1 }, { page: 2 })).toBe("/possible-matches?page=2");
    expect(matchListHref({ state: "different", page: 4 }, { page: 1 })).toBe("/possible-matches?state=different");
    expect(matchListTitle({ state: "open", page: 1 })).toBe("Possible earlier rescues: to check");
    expect(matchListTitle({ state: "same", page: 2 })).toBe("Possible earlier rescues: decided: the same person — page 2");
    expect(matchListTitle({ state: "different", page: 9 }, 3)).toBe("Possible earlier rescues: decided: different people — page 3");
  });
});
