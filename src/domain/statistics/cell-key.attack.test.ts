import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/domain/seeded-random";
import { publishCount } from "./cell-key";
import type { PublishedCell } from "./published";

/** A population: each person's record key and the attributes views filter on. */
interface Person {
  key: number;
  woman: boolean;
  child: boolean;
  month: number;
}

function population(random: () => number, size: number): Person[] {
  return Array.from({ length: size }, () => ({
    key: Math.floor(random() * 256),
    woman: random() < 0.25,
    child: random() < 0.1,
    month: Math.floor(random() * 3),
  }));
}

const THRESHOLD = 4;

function publish(people: readonly Person[]): PublishedCell {
  return publishCount(
    people.length,
    people.reduce((sum, person) => sum + person.key, 0),
    THRESHOLD,
  );
}

/** The difference a reader works out from two published figures, when both are shown. */
function differenced(whole: PublishedCell, part: PublishedCell): number | undefined {
  return whole.kind === "value" && part.kind === "value" ? whole.value - part.value : undefined;
}

type Split = (person: Person) => boolean;

/** Pairs of a cell and an overlapping cell, and the people only the first holds. */
const ATTACKS: { name: string; whole: Split; part: Split }[] = [
  // All people in a month against the men: the rest are the women.
  { name: "a cell and its sub-cell (gender filter)", whole: (p) => p.month === 0, part: (p) => p.month === 0 && !p.woman },
  // All against the adults: the rest are the children.
  { name: "all ages against adults", whole: (p) => p.month === 0, part: (p) => p.month === 0 && !p.child },
  // Two periods: a quarter's first two months against its first month.
  { name: "two periods", whole: (p) => p.month <= 1, part: (p) => p.month === 0 },
];

describe("differencing overlapping published cells", () => {
  for (const attack of ATTACKS) {
    it(`recovers a small true difference no more often than chance: ${attack.name}`, () => {
      const random = mulberry32(20261201);
      let tries = 0;
      let exact = 0;
      let exactWithUnrelatedKeys = 0;
      for (let round = 0; round < 40_000 && tries < 3_000; round += 1) {
        const people = population(random, 10 + Math.floor(random() * 60));
        const whole = people.filter(attack.whole);
        const part = people.filter(attack.part);
        const truth = whole.length - part.length;
        if (truth < 1 || truth > 4) continue;
        const found = differenced(publish(whole), publish(part));
        if (found === undefined) continue;
        tries += 1;
        if (found === truth) exact += 1;
        // Chance: the same counts published with keys that owe nothing to the people.
        const unrelated = differenced(
          publishCount(whole.length, Math.floor(random() * 256), THRESHOLD),
          publishCount(part.length, Math.floor(random() * 256), THRESHOLD),
        );
        if (unrelated === truth) exactWithUnrelatedKeys += 1;
      }
      expect(tries).toBeGreaterThan(1_000);
      // With no perturbation every try would give the truth; with it, about a third do, as with
      // unrelated keys, so a reader never knows which difference is the true one.
      expect(exact / tries).toBeLessThan(0.45);
      expect(Math.abs(exact - exactWithUnrelatedKeys) / tries).toBeLessThan(0.05);
    });
  }
});

describe("one cell, one figure", () => {
  it("publishes the same people as the same figure whichever view counts them", () => {
    const random = mulberry32(7);
    for (let round = 0; round < 2_000; round += 1) {
      const people = population(random, 5 + Math.floor(random() * 80));
      const women = people.filter((person) => person.woman);
      // The women counted through a gender view and through a month view made of the same rows,
      // in another order: same people, same key sum, same figure.
      const sameWomen = [...women].reverse();
      expect(publish(sameWomen)).toEqual(publish(women));
    }
  });
});
