import type { StageState } from "../types";

/** Work remains: the stage shows in queues, can be claimed, assigned, referred and changed. */
export const OPEN_STAGE_STATES = ["NOT_STARTED", "IN_PROGRESS", "PAUSED"] as const satisfies readonly StageState[];
export type OpenStageState = (typeof OPEN_STAGE_STATES)[number];

/** Nothing more happens to the stage; its history stays. */
export const FINISHED_STAGE_STATES = ["DONE", "NOT_NEEDED", "DECLINED"] as const satisfies readonly StageState[];

/**
 * The stages that keep their owning agency seeing the person (need-to-know): work to do, or work it
 * did. A stage the person declined, or one marked not needed, is no work of the agency's.
 */
export const STAGE_STATES_WITH_WORK = [...OPEN_STAGE_STATES, "DONE"] as const satisfies readonly StageState[];

/** The clock counts towards the target (and can go overdue) only in these: a paused clock is stopped. */
export const CLOCK_RUNNING_STAGE_STATES = ["NOT_STARTED", "IN_PROGRESS"] as const satisfies readonly StageState[];

export function isOpenStageState(state: StageState): state is OpenStageState {
  return (OPEN_STAGE_STATES as readonly StageState[]).includes(state);
}

export function isFinishedStageState(state: StageState): boolean {
  return (FINISHED_STAGE_STATES as readonly StageState[]).includes(state);
}
