import { describe, expect, it } from "vitest";
import { STAGE_STATES, type Role, type StageState } from "../types";
import { OPEN_STAGE_STATES } from "./stage-states";
import { mayWorkOnStage, referralAcceptRefusal, stageWorkRefusal, stageWorkRefused, type StageForWork, type StageWork } from "./stage-work";

const police = "agency-police";
const council = "agency-council";
const WORK: StageWork[] = ["change", "claim", "assign", "refer"];
const open = (overrides: Partial<StageForWork> = {}): StageForWork => ({ state: "IN_PROGRESS", ownerAgencyId: police, caseClosed: false, ...overrides });

describe("stageWorkRefusal: who may work on a stage", () => {
  it.each(WORK)("lets the owning agency's lead %s an open stage", (work) => {
    expect(stageWorkRefusal({ role: "AGENCY_LEAD", agencyId: police }, open(), work)).toBeNull();
  });

  it.each(["change", "claim", "refer"] as const)("lets the owning agency's caseworker %s an open stage", (work) => {
    expect(stageWorkRefusal({ role: "CASEWORKER", agencyId: police }, open(), work)).toBeNull();
  });

  it("keeps assigning to leads", () => {
    expect(stageWorkRefusal({ role: "CASEWORKER", agencyId: police }, open(), "assign")).toBe("not-permitted");
  });

  it.each<Role>(["CASEWORKER", "AGENCY_LEAD"])("refuses a %s of another agency, whatever the work", (role) => {
    for (const work of WORK) expect(stageWorkRefusal({ role, agencyId: council }, open(), work)).toBe(role === "CASEWORKER" && work === "assign" ? "not-permitted" : "not-owner");
  });

  it.each<Role>(["COORDINATOR", "PCC_OFFICE", "ADMINISTRATOR"])("refuses a %s, even on a stage owned by their own agency", (role) => {
    for (const work of WORK) expect(stageWorkRefusal({ role, agencyId: police }, open(), work)).toBe("not-permitted");
  });

  it("compares agency ids exactly", () => {
    expect(stageWorkRefusal({ role: "CASEWORKER", agencyId: `${police} ` }, open(), "change")).toBe("not-owner");
  });

  it.each(WORK)("refuses to %s any stage of a closed case, open or not", (work) => {
    for (const state of STAGE_STATES) {
      expect(stageWorkRefusal({ role: "AGENCY_LEAD", agencyId: police }, open({ state, caseClosed: true }), work)).toBe("case-closed");
    }
  });

  it("refuses every kind of work on a finished stage, and allows it on every open one", () => {
    for (const state of STAGE_STATES) {
      const isOpen = (OPEN_STAGE_STATES as readonly StageState[]).includes(state);
      for (const work of WORK) {
        expect(stageWorkRefusal({ role: "AGENCY_LEAD", agencyId: police }, open({ state }), work), `${work} ${state}`).toBe(isOpen ? null : "finished");
        expect(mayWorkOnStage({ role: "AGENCY_LEAD", agencyId: police }, open({ state }), work)).toBe(isOpen);
      }
    }
  });
});

describe("stageWorkRefused: the refusal people read", () => {
  it("names the owning agency, and says why a finished stage cannot change", () => {
    expect(stageWorkRefused("not-owner", { state: "IN_PROGRESS", ownerAgencyName: "Teesmoor Police" })).toEqual({
      ok: false,
      code: "not-owner",
      formError: "Only Teesmoor Police can do this: it owns this stage.",
      fieldErrors: {},
    });
    expect(stageWorkRefused("finished", { state: "DONE", ownerAgencyName: "Teesmoor Police" }).formError).toBe("This stage is already done.");
    expect(stageWorkRefused("finished", { state: "DECLINED", ownerAgencyName: "Teesmoor Police" }).formError).toBe("The person declined this stage.");
    expect(stageWorkRefused("case-closed", { state: "NOT_STARTED", ownerAgencyName: "Teesmoor Police" }).code).toBe("case-closed");
  });
});

describe("referralAcceptRefusal", () => {
  it("accepts an open stage still with the referring agency", () => {
    expect(referralAcceptRefusal(open(), police)).toBeNull();
  });

  it("refuses a stage finished or taken on elsewhere since, and any stage of a closed case", () => {
    expect(referralAcceptRefusal(open({ state: "DONE" }), police)?.code).toBe("stage-moved-on");
    expect(referralAcceptRefusal(open({ ownerAgencyId: council }), police)?.code).toBe("stage-moved-on");
    expect(referralAcceptRefusal(open({ caseClosed: true }), police)?.code).toBe("case-closed");
  });
});
