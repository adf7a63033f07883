import { describe, expect, it } from "vitest";
import { planAgeReassessment, type TemplateOnPathway } from "./age-reassessment";
import { DEFAULT_PATHWAY } from "./template";
import { buildPathway } from "./build-pathway";

const templates: TemplateOnPathway[] = DEFAULT_PATHWAY.stages.map((stage) => ({ ...stage, id: `t-${stage.key}` }));
const t0 = new Date("2026-11-20T10:00:00Z");
const assessed = new Date("2026-11-27T15:00:00Z");

function pathwayOf(ageGroup: "ADULT" | "CHILD" | "AGE_DISPUTED") {
  return buildPathway(templates, { ageGroup, interpreterNeeded: false }, t0).map(({ template }) => ({
    id: `s-${template.key}`,
    templateStageId: template.id,
    state: "NOT_STARTED" as const,
  }));
}

describe("an age assessment's effect on the pathway", () => {
  it("assessed as an adult: open children's stages close not needed, the adult consent stage is added with a clock from the assessment", () => {
    const stages = pathwayOf("AGE_DISPUTED");
    const plan = planAgeReassessment({ interpreterNeeded: false }, "ADULT", stages, templates, assessed);
    expect(plan.close).toEqual([
      { stageId: "s-childrens-services-notified", reason: "Not needed — age assessed as adult" },
      { stageId: "s-child-nrm-referral", reason: "Not needed — age assessed as adult" },
    ]);
    expect(plan.add.map(({ template }) => template.key)).toEqual(["nrm-consent-decision"]);
    // 3 working days from Friday 27 November 15:00: Wednesday 2 December 15:00.
    expect(plan.add[0]?.dueAt.toISOString()).toBe("2026-12-02T15:00:00.000Z");
  });

  it("a children's stage already done stays done", () => {
    const stages = pathwayOf("AGE_DISPUTED").map((stage) => (stage.id === "s-childrens-services-notified" ? { ...stage, state: "DONE" as const } : stage));
    const plan = planAgeReassessment({ interpreterNeeded: false }, "ADULT", stages, templates, assessed);
    expect(plan.close.map((close) => close.stageId)).toEqual(["s-child-nrm-referral"]);
  });

  it("assessed as a child: the adult consent stage closes, children's stages come with clocks from the assessment", () => {
    const plan = planAgeReassessment({ interpreterNeeded: false }, "CHILD", pathwayOf("ADULT"), templates, assessed);
    expect(plan.close).toEqual([{ stageId: "s-nrm-consent-decision", reason: "Not needed — age assessed as child" }]);
    expect(plan.add.map(({ template, dueAt }) => [template.key, dueAt.toISOString()])).toEqual([
      ["childrens-services-notified", "2026-11-27T16:00:00.000Z"],
      ["child-nrm-referral", "2026-11-28T15:00:00.000Z"],
    ]);
  });

  it("an age-disputed person assessed as a child keeps the pathway they have", () => {
    expect(planAgeReassessment({ interpreterNeeded: false }, "CHILD", pathwayOf("AGE_DISPUTED"), templates, assessed)).toEqual({ close: [], add: [] });
  });

  it("never adds a stage the person already has, whatever its state, nor a switched-off one", () => {
    const stages = [...pathwayOf("ADULT"), { id: "s-old", templateStageId: "t-childrens-services-notified", state: "NOT_NEEDED" as const }];
    const switchedOff = templates.map((template) => (template.key === "child-nrm-referral" ? { ...template, enabled: false } : template));
    const plan = planAgeReassessment({ interpreterNeeded: false }, "CHILD", stages, switchedOff, assessed);
    expect(plan.add).toEqual([]);
  });
});
