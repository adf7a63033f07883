import { roleHasPermission, type Permission } from "../access/permissions";
import { refused, type Refusal } from "../result";
import type { Role, StageState } from "../types";
import { isOpenStageState } from "./stage-states";

/** What an agency does to one of its stages. */
export type StageWork = "change" | "claim" | "assign" | "refer";

const PERMISSION_FOR: Record<StageWork, Permission> = {
  change: "stage.update",
  claim: "stage.claim",
  assign: "stage.assign",
  refer: "stage.refer",
};

export type StageWorkActor = { role: Role; agencyId: string };
export type StageForWork = { state: StageState; ownerAgencyId: string; caseClosed: boolean };
export type StageWorkRefusalCode = "not-permitted" | "not-owner" | "case-closed" | "finished";

/**
 * May this actor do this work on this stage? Only the owning agency works on a stage, only while the
 * case is live and the stage open, and only in a role that may do that kind of work. Every use case
 * that works on a stage, and every `can…` flag the pages show, asks this one rule.
 */
export function stageWorkRefusal(actor: StageWorkActor, stage: StageForWork, work: StageWork): StageWorkRefusalCode | null {
  if (!roleHasPermission(actor.role, PERMISSION_FOR[work])) return "not-permitted";
  if (stage.ownerAgencyId !== actor.agencyId) return "not-owner";
  if (stage.caseClosed) return "case-closed";
  if (!isOpenStageState(stage.state)) return "finished";
  return null;
}

export function mayWorkOnStage(actor: StageWorkActor, stage: StageForWork, work: StageWork): boolean {
  return stageWorkRefusal(actor, stage, work) === null;
}

const FINISHED_MESSAGES: Partial<Record<StageState, string>> = {
  DONE: "This stage is already done.",
  NOT_NEEDED: "This stage has been marked not needed.",
  DECLINED: "The person declined this stage.",
};

/** What a finished stage says when someone tries to work on it. */
export function finishedStageMessage(state: StageState): string {
  return FINISHED_MESSAGES[state] ?? "This stage is finished.";
}

/** The refusal, in the user's words, for a stage owned by `ownerAgencyName`. */
export function stageWorkRefused(code: StageWorkRefusalCode, stage: { state: StageState; ownerAgencyName: string }): Refusal {
  switch (code) {
    case "not-permitted":
      return refused(code, "Your role cannot do this.");
    case "not-owner":
      return refused(code, `Only ${stage.ownerAgencyName} can do this: it owns this stage.`);
    case "case-closed":
      return refused(code, "This case is closed, so its stages cannot be changed.");
    case "finished":
      return refused(code, finishedStageMessage(stage.state));
  }
}

/**
 * May a referral of this stage still be accepted? The stage must be open on a live case and still
 * with the agency that referred it (it may have finished the stage meanwhile).
 */
export function referralAcceptRefusal(stage: StageForWork, fromAgencyId: string): Refusal | null {
  if (stage.caseClosed) return refused("case-closed", "This case has been closed, so there is nothing to accept.");
  if (!isOpenStageState(stage.state) || stage.ownerAgencyId !== fromAgencyId) {
    return refused("stage-moved-on", "This stage was finished by the referring agency after it was referred, so there is nothing to accept.");
  }
  return null;
}

/** Someone else changed the stage since this user's form was shown: nothing is overwritten. */
export function staleStageRefused(): Refusal {
  return refused("stale-version", "Someone else updated this stage while you were looking at it. Check the latest details and try again.");
}
