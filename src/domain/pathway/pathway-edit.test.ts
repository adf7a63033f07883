import { describe, expect, it } from "vitest";
import { DEFAULT_PATHWAY } from "./template";
import { appliesToChoice } from "./pathway-choices";
import { checkPathwayEdit, diffAsAuditChanges, diffPathway, FORM_DOES_NOT_MATCH, type OwnerChoice, type StageSettings } from "./pathway-edit";

const POLICE = "00000000-0000-4000-8000-000000000001";
const HEALTH = "00000000-0000-4000-8000-000000000002";
const COUNCIL = "00000000-0000-4000-8000-000000000003";
const OTHER = "00000000-0000-4000-8000-000000000004";
const RETIRED = "00000000-0000-4000-8000-000000000005";
const OWNER_OF_KIND: Record<string, string> = { POLICE, HEALTH, COUNCIL_SAFEGUARDING: COUNCIL, VCAS: OTHER };
const AGENCIES: OwnerChoice[] = [
  { id: POLICE, name: "Fictional Police", retired: false },
  { id: HEALTH, name: "Fictional Health", retired: false },
  { id: COUNCIL, name: "Fictional Council", retired: false },
  { id: OTHER, name: "Fictional VCAS", retired: false },
  { id: RETIRED, name: "Closed Charity (fictional)", retired: true },
];

const current: { version: number; stages: StageSettings[] } = {
  version: 3,
  stages: DEFAULT_PATHWAY.stages.map((stage) => ({
    key: stage.key,
    title: stage.title,
    ownerAgencyId: OWNER_OF_KIND[stage.ownerAgencyKind]!,
    targetValue: stage.targetValue,
    targetUnit: stage.targetUnit,
    appliesTo: stage.appliesTo,
    enabled: true,
  })),
};

/** The form as the editor posts it, unchanged, with `change` applied to the stage with `key`. */
function form(changes: Record<string, Record<string, unknown>> = {}, baseVersion: unknown = "3") {
  return {
    baseVersion,
    stages: current.stages.map((stage) => ({
      key: stage.key,
      title: stage.title,
      ownerAgencyId: stage.ownerAgencyId,
      targetValue: String(stage.targetValue),
      targetUnit: stage.targetUnit,
      appliesTo: appliesToChoice(stage.appliesTo),
      enabled: stage.enabled ? "on" : "off",
      ...changes[stage.key],
    })),
  };
}
const indexOf = (key: string) => current.stages.findIndex((stage) => stage.key === key);
const errorsOf = (result: ReturnType<typeof checkPathwayEdit>) => (result.ok ? {} : result.fieldErrors);

describe("checkPathwayEdit", () => {
  it("accepts the pathway unchanged, and the diff is empty", () => {
    const result = checkPathwayEdit(current, form(), AGENCIES);
    expect(result.ok).toBe(true);
    if (result.ok) expect(diffPathway(current.stages, result.data)).toEqual([]);
  });

  it("accepts a new target and unit for one stage", () => {
    const result = checkPathwayEdit(current, form({ "health-check": { targetValue: "6", targetUnit: "WORKING_HOURS" } }), AGENCIES);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.find((stage) => stage.key === "health-check")).toMatchObject({ targetValue: 6, targetUnit: "WORKING_HOURS" });
  });

  it("refuses a form based on an older version", () => {
    const result = checkPathwayEdit(current, form({}, "2"), AGENCIES);
    expect(result).toMatchObject({ ok: false, code: "stale-version" });
    expect(result.ok ? "" : result.formError).toMatch(/published version 3/);
  });

  it.each([
    ["0", "Enter a target of 1 or more"],
    ["-3", "Enter a target of 1 or more"],
    ["721", "Enter a target of 720 hours (30 days) or less"],
    ["4.5", "Enter the target as a whole number, such as 4"],
    ["0x10", "Enter the target as a whole number, such as 4"],
    ["", "Enter the target as a whole number, such as 4"],
  ])("refuses a target of %j next to the field", (targetValue, message) => {
    const result = checkPathwayEdit(current, form({ "health-check": { targetValue } }), AGENCIES);
    expect(result).toMatchObject({ ok: false, code: "invalid-input" });
    expect(errorsOf(result)).toEqual({ [`stages.${indexOf("health-check")}.targetValue`]: message });
  });

  it("holds each unit to its own maximum", () => {
    expect(checkPathwayEdit(current, form({ "health-check": { targetValue: "60", targetUnit: "WORKING_DAYS" } }), AGENCIES).ok).toBe(true);
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { targetValue: "61", targetUnit: "WORKING_DAYS" } }), AGENCIES))).toEqual({
      [`stages.${indexOf("health-check")}.targetValue`]: "Enter a target of 60 working days or less",
    });
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { targetValue: "481", targetUnit: "WORKING_HOURS" } }), AGENCIES))).toEqual({
      [`stages.${indexOf("health-check")}.targetValue`]: "Enter a target of 480 working hours or less",
    });
  });

  it("refuses a blank, overlong or control-character title", () => {
    const i = indexOf("health-check");
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { title: "   " } }), AGENCIES))).toEqual({ [`stages.${i}.title`]: "Enter the stage's title" });
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { title: "x".repeat(121) } }), AGENCIES))).toEqual({
      [`stages.${i}.title`]: "Enter a title of 120 characters or fewer",
    });
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { title: "Health\u0000check" } }), AGENCIES))[`stages.${i}.title`]).toMatch(/hidden characters/);
  });

  it("refuses a retired owner and one not of the partnership", () => {
    const i = indexOf("health-check");
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { ownerAgencyId: RETIRED } }), AGENCIES))).toEqual({
      [`stages.${i}.ownerAgencyId`]: "Closed Charity (fictional) has been retired: choose an active agency to own this stage",
    });
    const foreign = "00000000-0000-4000-8000-0000000000ff";
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { ownerAgencyId: foreign } }), AGENCIES))).toEqual({
      [`stages.${i}.ownerAgencyId`]: "Choose an agency of this partnership",
    });
    expect(errorsOf(checkPathwayEdit(current, form({ "health-check": { ownerAgencyId: "" } }), AGENCIES))).toEqual({
      [`stages.${i}.ownerAgencyId`]: "Choose the agency that owns this stage",
    });
  });

  it("refuses switching off, or re-aiming, a stage that code relies on, in plain words", () => {
    const accommodation = indexOf("accommodation");
    const consent = indexOf("nrm-consent-decision");
    const childNrm = indexOf("child-nrm-referral");
    const result = checkPathwayEdit(
      current,
      form({ accommodation: { enabled: "off" }, "nrm-consent-decision": { appliesTo: "BOTH" }, "child-nrm-referral": { appliesTo: "ADULTS", enabled: "off" } }),
      AGENCIES,
    );
    expect(errorsOf(result)).toEqual({
      [`stages.${accommodation}.enabled`]: expect.stringMatching(/^This stage cannot be switched off: the accommodation address/),
      [`stages.${consent}.appliesTo`]: "This stage must be for adults only: children never need to consent to an NRM referral.",
      [`stages.${childNrm}.enabled`]: expect.stringMatching(/cannot be switched off/),
      [`stages.${childNrm}.appliesTo`]: expect.stringMatching(/must be for children only/),
    });
  });

  it("shows those rules together with the form's other mistakes, in form order", () => {
    const result = checkPathwayEdit(current, form({ accommodation: { enabled: "off" }, "health-check": { targetValue: "0", ownerAgencyId: RETIRED } }), AGENCIES);
    expect(Object.keys(errorsOf(result))).toEqual([
      `stages.${indexOf("health-check")}.ownerAgencyId`,
      `stages.${indexOf("health-check")}.targetValue`,
      `stages.${indexOf("accommodation")}.enabled`,
    ]);
  });

  it("lets other stages be switched off and re-aimed", () => {
    const result = checkPathwayEdit(current, form({ "case-conference": { enabled: "off" }, "victim-support": { appliesTo: "ADULTS" } }), AGENCIES);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.find((stage) => stage.key === "case-conference")!.enabled).toBe(false);
    expect(result.data.find((stage) => stage.key === "victim-support")!.appliesTo).toEqual(["ADULT"]);
  });

  it("refuses a form whose stages do not match the pathway", () => {
    const missing = form();
    missing.stages.pop();
    expect(checkPathwayEdit(current, missing, AGENCIES)).toMatchObject({ ok: false, code: "invalid-input", formError: FORM_DOES_NOT_MATCH });
    const invented = form();
    invented.stages[0]!.key = "invented-stage";
    expect(checkPathwayEdit(current, invented, AGENCIES)).toMatchObject({ ok: false, formError: FORM_DOES_NOT_MATCH });
    const twice = form();
    twice.stages[1]!.key = twice.stages[0]!.key;
    expect(checkPathwayEdit(current, twice, AGENCIES)).toMatchObject({ ok: false, formError: FORM_DOES_NOT_MATCH });
  });

  it("refuses a unit or an answer that is not one of the choices", () => {
    const i = indexOf("health-check");
    expect(Object.keys(errorsOf(checkPathwayEdit(current, form({ "health-check": { targetUnit: "MINUTES", appliesTo: "NOBODY", enabled: "maybe" } }), AGENCIES)))).toEqual([
      `stages.${i}.targetUnit`,
      `stages.${i}.appliesTo`,
      `stages.${i}.enabled`,
    ]);
  });
});

describe("diffPathway", () => {
  it("lists each changed field of each changed stage, before and after, and nothing else", () => {
    const after = current.stages.map((stage) =>
      stage.key === "health-check"
        ? { ...stage, targetValue: 6, targetUnit: "WORKING_HOURS" as const, ownerAgencyId: COUNCIL }
        : stage.key === "case-conference"
          ? { ...stage, enabled: false, appliesTo: ["ADULT" as const] }
          : stage,
    );
    const diff = diffPathway(current.stages, after);
    expect(diff).toEqual([
      {
        key: "health-check",
        changes: [
          { field: "ownerAgencyId", before: HEALTH, after: COUNCIL },
          { field: "targetValue", before: 4, after: 6 },
          { field: "targetUnit", before: "HOURS", after: "WORKING_HOURS" },
        ],
      },
      {
        key: "case-conference",
        changes: [
          { field: "appliesTo", before: ["ADULT", "CHILD", "AGE_DISPUTED"], after: ["ADULT"] },
          { field: "enabled", before: true, after: false },
        ],
      },
    ]);
    expect(diffAsAuditChanges(diff)).toEqual({
      "health-check.ownerAgencyId": { before: HEALTH, after: COUNCIL },
      "health-check.targetValue": { before: 4, after: 6 },
      "health-check.targetUnit": { before: "HOURS", after: "WORKING_HOURS" },
      "case-conference.appliesTo": { before: ["ADULT", "CHILD", "AGE_DISPUTED"], after: ["ADULT"] },
      "case-conference.enabled": { before: true, after: false },
    });
  });

  it("sees a changed title", () => {
    const after = current.stages.map((stage) => (stage.key === "interpreter" ? { ...stage, title: "Interpreter booked" } : stage));
    expect(diffPathway(current.stages, after)).toEqual([{ key: "interpreter", changes: [{ field: "title", before: "Independent interpreter arranged", after: "Interpreter booked" }] }]);
  });
});
