import { describe, expect, it } from "vitest";
import { dashboardStagesInOrder, type VersionedStage } from "./dashboard-stages";

const stage = (over: Partial<VersionedStage>): VersionedStage => ({
  key: "health-check",
  title: "Health check",
  targetValue: 4,
  targetUnit: "HOURS",
  sortOrder: 2,
  templateId: "v1",
  version: 1,
  ...over,
});

describe("dashboardStagesInOrder", () => {
  it("names each stage as the newest version does, in pathway order", () => {
    const stages = [
      stage({ key: "accommodation", title: "Accommodation", sortOrder: 3 }),
      stage({}),
      stage({ title: "Health check (triage)", templateId: "v2", version: 2, targetValue: 6 }),
      stage({ key: "rescue-logged", title: "Rescue logged", sortOrder: 1, targetValue: 1 }),
    ];

    expect(dashboardStagesInOrder(stages, ["v1"]).map((entry) => entry.title)).toEqual(["Rescue logged", "Health check (triage)", "Accommodation"]);
  });

  it("gives the targets of the versions the period's people started under, oldest first", () => {
    const stages = [stage({ templateId: "v2", version: 2, targetValue: 6 }), stage({})];

    expect(dashboardStagesInOrder(stages, ["v2", "v1"])[0]!.target).toBe("4 hours or 6 hours");
    expect(dashboardStagesInOrder(stages, ["v2"])[0]!.target).toBe("6 hours");
  });

  it("gives the newest target when no one in the period started under any version", () => {
    const stages = [stage({}), stage({ templateId: "v2", version: 2, targetValue: 6 })];

    expect(dashboardStagesInOrder(stages, [])[0]!.target).toBe("6 hours");
  });
});
