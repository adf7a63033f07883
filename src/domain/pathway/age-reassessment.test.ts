import { describe, expect, it } from "vitest";
import { planAgeReassessment, planInterpreterChange, type StageOnPathway, type TemplateOnPathway } from "./age-reassessment";
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
    expect(planAgeReassessment({ interpreterNeeded: false }, "CHILD", pathwayOf("AGE_DISPUTED"), templates, assessed)).toEqual({ close: [], restart: [], add: [] });
  });

  it("never adds a stage the person already has, whatever its state, nor a switched-off one", () => {
    const stages = [...pathwayOf("ADULT"), { id: "s-old", templateStageId: "t-childrens-services-notified", state: "NOT_NEEDED" as const }];
    const switchedOff = templates.map((template) => (template.key === "child-nrm-referral" ? { ...template, enabled: false } : template));
    const plan = planAgeReassessment({ interpreterNeeded: false }, "CHILD", stages, switchedOff, assessed);
    expect(plan.add).toEqual([]);
  });

  it("a second assessment the other way restarts what the first closed, and closes what the first added", () => {
    // Adult at the rescue, assessed as a child (adult consent closed, children's stages added), then as an adult.
    const first = planAgeReassessment({ interpreterNeeded: false }, "CHILD", pathwayOf("ADULT"), templates, assessed);
    const afterFirst: StageOnPathway[] = [
      ...pathwayOf("ADULT").map((stage) =>
        first.close.some((close) => close.stageId === stage.id) ? { ...stage, state: "NOT_NEEDED" as const, closingReason: first.close[0]!.reason } : stage,
      ),
      ...first.add.map(({ template }) => ({ id: `s-${template.key}`, templateStageId: template.id, state: "NOT_STARTED" as const })),
    ];
    const later = new Date("2026-12-04T09:00:00Z");
    const second = planAgeReassessment({ interpreterNeeded: false }, "ADULT", afterFirst, templates, later);
    expect(second.close).toEqual([
      { stageId: "s-childrens-services-notified", reason: "Not needed — age assessed as adult" },
      { stageId: "s-child-nrm-referral", reason: "Not needed — age assessed as adult" },
    ]);
    expect(second.add).toEqual([]);
    // Back, with a clock from the second assessment: 3 working days from Friday 4 December 09:00.
    expect(second.restart.map(({ stageId, dueAt }) => [stageId, dueAt.toISOString()])).toEqual([["s-nrm-consent-decision", "2026-12-09T09:00:00.000Z"]]);
  });

  it("a stage a person marked not needed, or one closed with the case, is not restarted by a re-planning", () => {
    const stages = pathwayOf("ADULT").map((stage) =>
      stage.id === "s-nrm-consent-decision" ? { ...stage, state: "NOT_NEEDED" as const, closingReason: "The person does not want an NRM referral" } : stage,
    );
    expect(planAgeReassessment({ interpreterNeeded: false }, "ADULT", stages, templates, assessed).restart).toEqual([]);
    const closedWithCase = stages.map((stage) => (stage.id === "s-nrm-consent-decision" ? { ...stage, closingReason: "Not needed — case closed" } : stage));
    expect(planAgeReassessment({ interpreterNeeded: false }, "ADULT", closedWithCase, templates, assessed).restart).toEqual([]);
  });
});

describe("correcting whether an interpreter is needed", () => {
  const adult = () => pathwayOf("ADULT");

  it("needed: the interpreter stage is added with a clock from the correction", () => {
    const plan = planInterpreterChange({ ageGroup: "ADULT" }, true, adult(), templates, assessed);
    expect(plan.close).toEqual([]);
    expect(plan.add.map(({ template }) => template.key)).toEqual(["interpreter"]);
  });

  it("not needed: an interpreter stage not started closes, one started stays, and a later correction back restarts the closed one", () => {
    const withInterpreter: StageOnPathway[] = [...adult(), { id: "s-interpreter", templateStageId: "t-interpreter", state: "NOT_STARTED" }];
    const off = planInterpreterChange({ ageGroup: "ADULT" }, false, withInterpreter, templates, assessed);
    expect(off).toEqual({ close: [{ stageId: "s-interpreter", reason: "Not needed — no interpreter needed" }], restart: [], add: [] });

    const started = withInterpreter.map((stage) => (stage.id === "s-interpreter" ? { ...stage, state: "IN_PROGRESS" as const } : stage));
    expect(planInterpreterChange({ ageGroup: "ADULT" }, false, started, templates, assessed).close).toEqual([]);

    const closed = withInterpreter.map((stage) => (stage.id === "s-interpreter" ? { ...stage, state: "NOT_NEEDED" as const, closingReason: off.close[0]!.reason } : stage));
    const back = planInterpreterChange({ ageGroup: "ADULT" }, true, closed, templates, assessed);
    expect(back.add).toEqual([]);
    expect(back.restart.map(({ stageId }) => stageId)).toEqual(["s-interpreter"]);
  });

  it("a done interpreter stage stays done either way", () => {
    const done: StageOnPathway[] = [...adult(), { id: "s-interpreter", templateStageId: "t-interpreter", state: "DONE" }];
    expect(planInterpreterChange({ ageGroup: "ADULT" }, false, done, templates, assessed)).toEqual({ close: [], restart: [], add: [] });
    expect(planInterpreterChange({ ageGroup: "ADULT" }, true, done, templates, assessed)).toEqual({ close: [], restart: [], add: [] });
  });
});
