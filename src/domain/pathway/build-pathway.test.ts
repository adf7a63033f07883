import { describe, expect, it } from "vitest";
import { MS } from "../time/duration";
import { formatLondonDateTime, formatLondonTime } from "../time/london";
import type { AgeGroup } from "../types";
import { buildPathway, dueAtFor, stageApplies, type PersonForPathway } from "./build-pathway";
import { DEFAULT_PATHWAY, describeTarget, type StageTemplate } from "./template";

const utc = (iso: string) => new Date(`${iso}Z`);
const stages = DEFAULT_PATHWAY.stages;

function person(ageGroup: AgeGroup, interpreterNeeded = false): PersonForPathway {
  return { ageGroup, interpreterNeeded };
}

function template(overrides: Partial<StageTemplate> = {}): StageTemplate {
  return {
    key: "test-stage",
    title: "Test stage",
    description: "A stage for tests.",
    targetValue: 4,
    targetUnit: "HOURS",
    appliesTo: ["ADULT", "CHILD", "AGE_DISPUTED"],
    onlyIfInterpreterNeeded: false,
    sortOrder: 10,
    ...overrides,
  };
}

const keysFor = (p: PersonForPathway, t0 = utc("2026-03-02T09:00:00")) =>
  buildPathway(stages, p, t0).map((s) => s.template.key);

// Wednesday 4 March 2026, 10:00 GMT: no weekend or bank holiday within 3 working days.
const T0 = utc("2026-03-04T10:00:00");

describe("buildPathway with the default pathway", () => {
  it("gives an adult the adult NRM consent stage and no child stages, in pathway order", () => {
    expect(keysFor(person("ADULT"))).toEqual([
      "immediate-safety",
      "health-check",
      "accommodation",
      "social-care-contact",
      "case-conference",
      "victim-support",
      "nrm-consent-decision",
    ]);
  });

  it.each<AgeGroup>(["CHILD", "AGE_DISPUTED"])(
    "gives a person whose age group is %s the child stages and not the adult consent stage",
    (ageGroup) => {
      const keys = keysFor(person(ageGroup));
      expect(keys).toEqual([
        "immediate-safety",
        "childrens-services-notified",
        "health-check",
        "accommodation",
        "child-nrm-referral",
        "social-care-contact",
        "case-conference",
        "victim-support",
      ]);
      expect(keys).not.toContain("nrm-consent-decision");
    },
  );

  it.each<AgeGroup>(["ADULT", "CHILD", "AGE_DISPUTED"])(
    "adds the interpreter stage, after immediate safety, only when a %s needs an interpreter",
    (ageGroup) => {
      expect(keysFor(person(ageGroup, false))).not.toContain("interpreter");
      const withInterpreter = keysFor(person(ageGroup, true));
      expect(withInterpreter.filter((k) => k === "interpreter")).toHaveLength(1);
      expect(withInterpreter.indexOf("interpreter")).toBeGreaterThan(withInterpreter.indexOf("immediate-safety"));
      expect(withInterpreter.indexOf("interpreter")).toBeLessThan(withInterpreter.indexOf("health-check"));
    },
  );

  it("puts the stages in sortOrder", () => {
    const orders = buildPathway(stages, person("CHILD", true), T0).map((s) => s.template.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(orders).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it("sorts by sortOrder even when the templates are given out of order, without changing the input", () => {
    const shuffled = [...stages].reverse();
    const before = shuffled.map((s) => s.key);
    const keys = buildPathway(shuffled, person("ADULT", true), T0).map((s) => s.template.key);
    expect(keys).toEqual([
      "immediate-safety",
      "interpreter",
      "health-check",
      "accommodation",
      "social-care-contact",
      "case-conference",
      "victim-support",
      "nrm-consent-decision",
    ]);
    expect(shuffled.map((s) => s.key)).toEqual(before);
  });

  it("sets each hour target's due time to exactly T0 plus the target hours", () => {
    const planned = buildPathway(stages, person("CHILD", true), T0);
    const due = Object.fromEntries(planned.map((s) => [s.template.key, s.dueAt.toISOString()]));
    expect(due).toEqual({
      "immediate-safety": "2026-03-04T11:00:00.000Z",
      "childrens-services-notified": "2026-03-04T11:00:00.000Z",
      interpreter: "2026-03-04T12:00:00.000Z",
      "health-check": "2026-03-04T14:00:00.000Z",
      accommodation: "2026-03-04T14:00:00.000Z",
      "child-nrm-referral": "2026-03-05T10:00:00.000Z",
      "social-care-contact": "2026-03-05T10:00:00.000Z",
      "case-conference": "2026-03-06T10:00:00.000Z",
      "victim-support": "2026-03-07T10:00:00.000Z",
    });
    for (const s of planned) {
      expect(s.dueAt.getTime() - T0.getTime()).toBe(s.template.targetValue * MS.HOUR);
    }
  });

  it("sets the adult NRM consent decision due 3 working days after T0", () => {
    const consent = buildPathway(stages, person("ADULT"), T0).find((s) => s.template.key === "nrm-consent-decision");
    expect(consent?.dueAt).toEqual(utc("2026-03-09T10:00:00")); // Wednesday -> Monday, same time
  });

  it("keeps the template with each planned stage", () => {
    const [first] = buildPathway(stages, person("ADULT"), T0);
    expect(first?.template).toBe(stages[0]);
  });

  it("returns no stages for an empty template", () => {
    expect(buildPathway([], person("ADULT"), T0)).toEqual([]);
  });
});

describe("due times across the clock changes", () => {
  it("a rescue at 00:30 GMT on 29 March 2026 with a 4-hour target is due at 04:30 UTC, shown as 05:30 BST", () => {
    const t0 = utc("2026-03-29T00:30:00");
    const health = buildPathway(stages, person("ADULT"), t0).find((s) => s.template.key === "health-check");
    expect(health?.dueAt).toEqual(utc("2026-03-29T04:30:00"));
    expect(formatLondonTime(health!.dueAt)).toBe("05:30 BST");
    expect(formatLondonDateTime(health!.dueAt)).toBe("29 Mar 2026, 05:30 BST");
  });

  it("a rescue at 00:30 BST on 25 October 2026 with a 4-hour target is due at 03:30 GMT (4 elapsed hours)", () => {
    const t0 = utc("2026-10-24T23:30:00"); // 00:30 BST on 25 October
    const health = buildPathway(stages, person("ADULT"), t0).find((s) => s.template.key === "health-check");
    expect(health?.dueAt).toEqual(utc("2026-10-25T03:30:00"));
    expect(formatLondonDateTime(health!.dueAt)).toBe("25 Oct 2026, 03:30 GMT");
  });

  it("a 1-hour target from 01:30 BST in the repeated hour is due at 01:30 GMT", () => {
    const t0 = utc("2026-10-25T00:30:00"); // the first 01:30, in BST
    const safety = buildPathway(stages, person("ADULT"), t0).find((s) => s.template.key === "immediate-safety");
    expect(safety?.dueAt).toEqual(utc("2026-10-25T01:30:00"));
    expect(formatLondonTime(safety!.dueAt)).toBe("01:30 GMT");
  });
});

describe("dueAtFor", () => {
  it("adds hours as elapsed time", () => {
    expect(dueAtFor({ targetValue: 48, targetUnit: "HOURS" }, T0)).toEqual(utc("2026-03-06T10:00:00"));
  });

  it("adds fractional hours exactly", () => {
    expect(dueAtFor({ targetValue: 0.5, targetUnit: "HOURS" }, T0)).toEqual(utc("2026-03-04T10:30:00"));
  });

  it("adds working days by London wall-clock time, skipping the weekend", () => {
    // Friday 6 March 2026, 16:45 GMT -> Wednesday 11 March 16:45 GMT
    expect(dueAtFor({ targetValue: 3, targetUnit: "WORKING_DAYS" }, utc("2026-03-06T16:45:00"))).toEqual(
      utc("2026-03-11T16:45:00"),
    );
  });
});

describe("dueAtFor in working hours", () => {
  const office = { officeHoursOnly: true, opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 };

  it("counts the owning agency's office hours", () => {
    // Wednesday 4 March 2026, 15:00 GMT: 2 hours that day, 2 from Thursday's opening.
    expect(dueAtFor({ targetValue: 4, targetUnit: "WORKING_HOURS" }, utc("2026-03-04T15:00:00"), office)).toEqual(utc("2026-03-05T11:00:00"));
  });

  it("counts every hour for an owner open round the clock, and when no hours are given", () => {
    expect(dueAtFor({ targetValue: 4, targetUnit: "WORKING_HOURS" }, utc("2026-03-04T15:00:00"))).toEqual(utc("2026-03-04T19:00:00"));
  });

  it("is used by buildPathway with each stage's owner's hours", () => {
    const stage = template({ key: "health-check", targetUnit: "WORKING_HOURS", targetValue: 4 });
    const [planned] = buildPathway([stage], person("ADULT"), utc("2026-03-06T16:00:00"), () => office);
    // Friday 16:00: 1 hour, then Monday from 09:00.
    expect(formatLondonDateTime(planned!.dueAt)).toBe("9 Mar 2026, 12:00 GMT");
  });
});

describe("describeTarget", () => {
  it("says the unit a target counts", () => {
    expect(describeTarget({ targetValue: 4, targetUnit: "HOURS" })).toBe("4 hours");
    expect(describeTarget({ targetValue: 1, targetUnit: "HOURS" })).toBe("1 hour");
    expect(describeTarget({ targetValue: 3, targetUnit: "WORKING_DAYS" })).toBe("3 working days");
    expect(describeTarget({ targetValue: 4, targetUnit: "WORKING_HOURS" })).toBe("4 working hours");
    expect(describeTarget({ targetValue: 1, targetUnit: "WORKING_HOURS" })).toBe("1 working hour");
  });
});

describe("stageApplies", () => {
  it("is false for a stage switched off in its version", () => {
    expect(stageApplies(template({ enabled: false }), person("ADULT"))).toBe(false);
    expect(stageApplies(template({ enabled: true }), person("ADULT"))).toBe(true);
  });

  it("is false for an age group the stage is not for", () => {
    expect(stageApplies(template({ appliesTo: ["ADULT"] }), person("CHILD"))).toBe(false);
  });

  it("is true for an age group the stage is for", () => {
    expect(stageApplies(template({ appliesTo: ["CHILD", "AGE_DISPUTED"] }), person("AGE_DISPUTED"))).toBe(true);
  });

  it("needs both the age group and, for an interpreter-only stage, a need for an interpreter", () => {
    const interpreterOnly = template({ appliesTo: ["ADULT"], onlyIfInterpreterNeeded: true });
    expect(stageApplies(interpreterOnly, person("ADULT", true))).toBe(true);
    expect(stageApplies(interpreterOnly, person("ADULT", false))).toBe(false);
    expect(stageApplies(interpreterOnly, person("CHILD", true))).toBe(false);
  });

  it("applies a stage that is not interpreter-only whether or not an interpreter is needed", () => {
    expect(stageApplies(template(), person("ADULT", true))).toBe(true);
    expect(stageApplies(template(), person("ADULT", false))).toBe(true);
  });
});

describe("DEFAULT_PATHWAY", () => {
  it("is version 1 with an at-risk threshold of 75%", () => {
    expect(DEFAULT_PATHWAY.version).toBe(1);
    expect(DEFAULT_PATHWAY.atRiskPercent).toBe(75);
  });

  it("has unique stage keys and unique sort orders", () => {
    const keys = stages.map((s) => s.key);
    const orders = stages.map((s) => s.sortOrder);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it("carries the targets and owners from the domain table", () => {
    const table = Object.fromEntries(
      stages.map((s) => [s.key, `${s.ownerAgencyKind} ${s.targetValue} ${s.targetUnit}`]),
    );
    expect(table).toEqual({
      "immediate-safety": "POLICE 1 HOURS",
      "childrens-services-notified": "COUNCIL_SAFEGUARDING 1 HOURS",
      interpreter: "POLICE 2 HOURS",
      "health-check": "HEALTH 4 HOURS",
      accommodation: "COUNCIL_SAFEGUARDING 4 HOURS",
      "child-nrm-referral": "COUNCIL_SAFEGUARDING 24 HOURS",
      "social-care-contact": "COUNCIL_SAFEGUARDING 24 HOURS",
      "case-conference": "COUNCIL_SAFEGUARDING 48 HOURS",
      "victim-support": "VCAS 72 HOURS",
      "nrm-consent-decision": "POLICE 3 WORKING_DAYS",
    });
  });
});
