import "server-only";
import { CLOCK_RUNNING_STAGE_STATES, OPEN_STAGE_STATES } from "@/domain/pathway/stage-states";
import { Prisma } from "@/generated/prisma/client";

/** Stages with work left (the domain's open states), as a Prisma filter. */
export const OPEN_STAGE_WHERE = { state: { in: [...OPEN_STAGE_STATES] } } satisfies Prisma.StageWhereInput;

/** The same rule in SQL for a stage aliased `s`: its clock is running (open and not paused). */
export const CLOCK_RUNNING_SQL = Prisma.sql`s."state" = ANY(${[...CLOCK_RUNNING_STAGE_STATES]}::"StageState"[])`;
