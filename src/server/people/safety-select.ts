import "server-only";

/** The risks without the contact instructions, which can hold a phone number: for the coordinator's pseudonymised view. */
export const SAFETY_RISKS_SELECT = { tippingOffRisk: true, reTraffickingRisk: true, doNotDiscloseWhereabouts: true } as const;
