import { describe, expect, it } from "vitest";
import { fieldRefused, ok } from "../result";
import {
  completionTextWithDecision,
  isNrmDecision,
  NRM_CONSENT_STAGE_KEY,
  NRM_DECISION_MISSING,
  NRM_DECISION_NOT_HERE,
  nrmDecisionFor,
} from "./nrm-decision";
import { DEFAULT_PATHWAY } from "./template";
import type { StageActionType } from "./transitions";

const OTHER_ACTIONS: StageActionType[] = ["start", "pause", "resume", "not_needed", "decline"];

describe("the NRM decision on a stage change", () => {
  it("names the adult stage that the police own in the default pathway", () => {
    const stage = DEFAULT_PATHWAY.stages.find((s) => s.key === NRM_CONSENT_STAGE_KEY);
    expect(stage).toMatchObject({ ownerAgencyKind: "POLICE", appliesTo: ["ADULT"] });
  });

  it("needs a decision to mark the NRM consent decision stage as done", () => {
    expect(nrmDecisionFor(NRM_CONSENT_STAGE_KEY, "complete", undefined)).toEqual(fieldRefused("nrmDecision", NRM_DECISION_MISSING));
  });

  it("stores either decision when the NRM consent decision stage is marked as done", () => {
    expect(nrmDecisionFor(NRM_CONSENT_STAGE_KEY, "complete", "NRM_REFERRAL")).toEqual(ok("NRM_REFERRAL"));
    expect(nrmDecisionFor(NRM_CONSENT_STAGE_KEY, "complete", "DUTY_TO_NOTIFY")).toEqual(ok("DUTY_TO_NOTIFY"));
  });

  it.each(OTHER_ACTIONS)("stores no decision when the NRM stage is changed with %s, even if one was ticked", (action) => {
    expect(nrmDecisionFor(NRM_CONSENT_STAGE_KEY, action, "DUTY_TO_NOTIFY")).toEqual(ok(null));
    expect(nrmDecisionFor(NRM_CONSENT_STAGE_KEY, action, undefined)).toEqual(ok(null));
  });

  it.each(["complete", ...OTHER_ACTIONS] as StageActionType[])("refuses a decision sent for another stage (%s)", (action) => {
    expect(nrmDecisionFor("health-check", action, "NRM_REFERRAL")).toEqual(fieldRefused("nrmDecision", NRM_DECISION_NOT_HERE));
    expect(nrmDecisionFor("child-nrm-referral", action, "DUTY_TO_NOTIFY")).toEqual(fieldRefused("nrmDecision", NRM_DECISION_NOT_HERE));
  });

  it("asks nothing of the other stages when no decision is sent", () => {
    expect(nrmDecisionFor("health-check", "complete", undefined)).toEqual(ok(null));
  });

  it("accepts only the two decisions the database knows", () => {
    expect(isNrmDecision("NRM_REFERRAL")).toBe(true);
    expect(isNrmDecision("DUTY_TO_NOTIFY")).toBe(true);
    expect(isNrmDecision("nrm_referral")).toBe(false);
    expect(isNrmDecision("")).toBe(false);
    expect(isNrmDecision(undefined)).toBe(false);
  });
});

describe("the completion's timeline text", () => {
  it("says the decision first, then the outcome", () => {
    expect(completionTextWithDecision("Explained with an interpreter after rest", "DUTY_TO_NOTIFY")).toBe(
      "Decision: Duty to Notify\nExplained with an interpreter after rest",
    );
    expect(completionTextWithDecision("Referral submitted", "NRM_REFERRAL")).toBe("Decision: NRM referral\nReferral submitted");
  });

  it("leaves other stages' text as it was", () => {
    expect(completionTextWithDecision("Triage done", null)).toBe("Triage done");
    expect(completionTextWithDecision(null, null)).toBeNull();
  });
});
