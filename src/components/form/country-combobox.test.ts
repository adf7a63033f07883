import { describe, expect, it } from "vitest";
import { NATIONALITIES } from "@/domain/nationality/countries";
import { suggestCountries } from "./country-combobox";

const names = (typed: string) => suggestCountries(NATIONALITIES, typed).map((option) => option.name);

describe("suggestCountries", () => {
  it("suggests by part of a name or a demonym, in any case, those starting with it first", () => {
    expect(names("alban")[0]).toBe("Albania");
    expect(names("ALBANIAN")).toEqual(["Albania"]);
    expect(names("viet")).toEqual(["Vietnam"]);
    expect(names("british")).toContain("United Kingdom");
    const guinea = names("guinea");
    expect(guinea.slice(0, 3)).toEqual(expect.arrayContaining(["Guinea", "Guinea-Bissau"]));
    expect(guinea.indexOf("Guinea")).toBeLessThan(guinea.indexOf("Papua New Guinea") === -1 ? Infinity : guinea.indexOf("Papua New Guinea"));
  });

  it("offers Stateless and Not known, shows at most eight, and nothing for blank or unknown text", () => {
    expect(names("stateless")).toEqual(["Stateless"]);
    expect(names("not kn")).toEqual(["Not known"]);
    expect(names("a")).toHaveLength(8);
    expect(names("  ")).toEqual([]);
    expect(names("atlantis")).toEqual([]);
  });
});
