import { NRM_CONSENT_STAGE_KEY } from "./nrm-decision";
import type { AppliesToChoice } from "./pathway-choices";

/** The pathway stage whose owning agency arranges the accommodation, and so records the address. */
export const ACCOMMODATION_STAGE_KEY = "accommodation";
/** The children's NRM stage: the dashboard reads a child's NRM outcome from it (src/server/dashboard/summary). */
export const CHILD_NRM_REFERRAL_STAGE_KEY = "child-nrm-referral";
// The adult NRM consent stage's key lives with its rule, in nrm-decision.ts.

/**
 * Stages that code finds by key. An edit of the pathway may change their title, owner and target,
 * but not switch them off or change who they are for: that would break what the code does with them.
 */
export const STAGE_DEPENDENCIES: Record<string, { appliesTo: AppliesToChoice; offRefusal: string; appliesToRefusal: string }> = {
  [ACCOMMODATION_STAGE_KEY]: {
    appliesTo: "BOTH",
    offRefusal: "This stage cannot be switched off: the accommodation address is recorded against it, and only its owning agency can record it.",
    appliesToRefusal: "This stage must be for both adults and children: everyone needs a place of safety, and the address is recorded against it.",
  },
  [NRM_CONSENT_STAGE_KEY]: {
    appliesTo: "ADULTS",
    offRefusal: "This stage cannot be switched off: it is where an adult's NRM referral or Duty to Notify is recorded, and the dashboard counts it.",
    appliesToRefusal: "This stage must be for adults only: children never need to consent to an NRM referral.",
  },
  [CHILD_NRM_REFERRAL_STAGE_KEY]: {
    appliesTo: "CHILDREN",
    offRefusal: "This stage cannot be switched off: the dashboard counts children's NRM referrals from it.",
    appliesToRefusal: "This stage must be for children only (including age disputed): adults are referred through the NRM consent decision.",
  },
};
