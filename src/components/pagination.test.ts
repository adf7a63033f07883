import { describe, expect, it } from "vitest";
import { paginationItems } from "./pagination";

describe("paginationItems", () => {
  it("offers the first, last and neighbouring pages, with gaps for the rest", () => {
    expect(paginationItems(1, 1)).toEqual([1]);
    expect(paginationItems(1, 5)).toEqual([1, 2, "gap", 5]);
    expect(paginationItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(paginationItems(6, 12)).toEqual([1, "gap", 5, 6, 7, "gap", 12]);
    expect(paginationItems(12, 12)).toEqual([1, "gap", 11, 12]);
  });
});
