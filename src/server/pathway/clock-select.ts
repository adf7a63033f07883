import "server-only";
/** The stage columns a clock is read from (see clockInputOf in src/domain/pathway/clock.ts). */
export const STAGE_CLOCK_SELECT = { state: true, dueAt: true, completedAt: true, pausedAt: true, pausedMs: true, clockStartedAt: true } as const;

/** The person columns a stage's clock needs: T0 (the rescue) and the at-risk share of the template. */
export const PERSON_CLOCK_SELECT = {
  rescue: { select: { occurredAt: true } },
  template: { select: { atRiskPercent: true } },
} as const;

/** Who made and answered a referral, as the pages name them. */
export const REFERRAL_PARTIES_SELECT = {
  fromAgency: { select: { name: true, retiredAt: true } },
  toAgency: { select: { name: true, retiredAt: true } },
  referredBy: { select: { name: true } },
  answeredBy: { select: { name: true } },
} as const;
