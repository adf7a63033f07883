import { describe, expect, it } from "vitest";
import { foldSmallGroups } from "./fold-small-groups";

describe("foldSmallGroups", () => {
  it("folds every group of 1 to 4 into Other, listed last", () => {
    expect(
      foldSmallGroups([
        { label: "Albania", count: 3, keySum: 3 },
        { label: "UK", count: 40, keySum: 40 },
        { label: "Vietnam", count: 2, keySum: 2 },
        { label: "Eritrea", count: 12, keySum: 12 },
      ]),
    ).toEqual([
      { label: "UK", count: 40, keySum: 40 },
      { label: "Eritrea", count: 12, keySum: 12 },
      { label: "Other", count: 5, keySum: 5 },
    ]);
  });

  it("leaves the list alone when no group is small", () => {
    const groups = [
      { label: "UK", count: 40, keySum: 40 },
      { label: "Sudan", count: 0, keySum: 0 },
    ];
    expect(foldSmallGroups(groups)).toEqual(groups);
  });

  it("folds the smallest remaining group in when Other would itself be small", () => {
    expect(
      foldSmallGroups([
        { label: "UK", count: 40, keySum: 40 },
        { label: "Albania", count: 3, keySum: 3 },
        { label: "Eritrea", count: 12, keySum: 12 },
        { label: "Sudan", count: 9, keySum: 9 },
      ]),
    ).toEqual([
      { label: "UK", count: 40, keySum: 40 },
      { label: "Eritrea", count: 12, keySum: 12 },
      { label: "Other", count: 12, keySum: 12 },
    ]);
  });

  it("leaves a small Other when there is nothing left to fold into it", () => {
    expect(
      foldSmallGroups([
        { label: "Albania", count: 1, keySum: 1 },
        { label: "Sudan", count: 0, keySum: 0 },
        { label: "Vietnam", count: 2, keySum: 2 },
      ]),
    ).toEqual([
      { label: "Sudan", count: 0, keySum: 0 },
      { label: "Other", count: 3, keySum: 3 },
    ]);
  });

  it("adds an existing Other group to the folded ones", () => {
    expect(
      foldSmallGroups([
        { label: "Other", count: 7, keySum: 7 },
        { label: "Albania", count: 2, keySum: 2 },
        { label: "UK", count: 40, keySum: 40 },
      ]),
    ).toEqual([
      { label: "UK", count: 40, keySum: 40 },
      { label: "Other", count: 9, keySum: 9 },
    ]);
  });

  it("uses another threshold and label when asked", () => {
    expect(
      foldSmallGroups(
        [
          { label: "UK", count: 40, keySum: 40 },
          { label: "Albania", count: 7, keySum: 7 },
          { label: "Vietnam", count: 6, keySum: 6 },
        ],
        9,
        "Other nationalities",
      ),
    ).toEqual([
      { label: "UK", count: 40, keySum: 40 },
      { label: "Other nationalities", count: 13, keySum: 13 },
    ]);
  });

  it("gives Other the key sum of the groups folded into it, so it is perturbed as the people it holds", () => {
    expect(
      foldSmallGroups([
        { label: "UK", count: 40, keySum: 5_000 },
        { label: "Albania", count: 3, keySum: 300 },
        { label: "Vietnam", count: 2, keySum: 17 },
        { label: "Eritrea", count: 12, keySum: 1_200 },
      ]),
    ).toEqual([
      { label: "UK", count: 40, keySum: 5_000 },
      { label: "Eritrea", count: 12, keySum: 1_200 },
      { label: "Other", count: 5, keySum: 317 },
    ]);
  });
});
