import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Agencies that take new work: referrals, moved stages, new staff. A retired agency is left out of
 * every such choice, but keeps its history (its name reads "(retired)" there).
 */
export const ACTIVE_AGENCY_WHERE = { retiredAt: null } satisfies Prisma.AgencyWhereInput;
