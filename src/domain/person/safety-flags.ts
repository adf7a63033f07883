// Apart from any schema so pages, lists and the banner can use it without bundling zod into the browser.

/** The risks a person's safety flags can carry (values are PersonSafety's boolean columns). */
export const SAFETY_RISKS = ["tippingOffRisk", "reTraffickingRisk", "doNotDiscloseWhereabouts"] as const;
export type SafetyRisk = (typeof SAFETY_RISKS)[number];

export const SAFETY_RISK_LABELS: Record<SafetyRisk, string> = {
  tippingOffRisk: "Risk of tipping off the exploiters",
  reTraffickingRisk: "Risk of re-trafficking",
  doNotDiscloseWhereabouts: "Do not disclose whereabouts",
};

export const SAFETY_RISK_HINTS: Record<SafetyRisk, string> = {
  tippingOffRisk: "Contact or enquiries could warn the exploiters.",
  reTraffickingRisk: "The exploiters may try to reach or take the person again.",
  doNotDiscloseWhereabouts: "Never tell anyone where the person is staying, even someone who says they are family.",
};

/**
 * What everyone who sees the person is shown at the top. The coordinator's pseudonymised view gets the
 * risks but not the contact instructions, which can hold a phone number (they are not even selected).
 */
export type SafetyFlagsView = {
  risks: SafetyRisk[];
  safeContact: string | null;
  neverContact: string | null;
};

export function hasSafetyFlags(flags: SafetyFlagsView | null | undefined): flags is SafetyFlagsView {
  return Boolean(flags && (flags.risks.length > 0 || flags.safeContact || flags.neverContact));
}

/**
 * The one line a list row carries for a person with safety flags ("Risk of re-trafficking · Contact
 * safely: see the record"), or null with none. Never the contact instructions themselves: a row is
 * seen by more people, and in more places, than the record.
 */
export function safetyRowWords(flags: SafetyFlagsView | null | undefined): string | null {
  if (!hasSafetyFlags(flags)) return null;
  return [...flags.risks.map((risk) => SAFETY_RISK_LABELS[risk]), ...(flags.safeContact || flags.neverContact ? ["Contact safely: see the record"] : [])].join(" · ");
}

/** A stored PersonSafety row as the view needs it; null when nothing is set. */
export function safetyFlagsView(
  row: { tippingOffRisk: boolean; reTraffickingRisk: boolean; doNotDiscloseWhereabouts: boolean; safeContact?: string | null; neverContact?: string | null } | null | undefined,
): SafetyFlagsView | null {
  if (!row) return null;
  const view: SafetyFlagsView = {
    risks: SAFETY_RISKS.filter((risk) => row[risk]),
    safeContact: row.safeContact ?? null,
    neverContact: row.neverContact ?? null,
  };
  return hasSafetyFlags(view) ? view : null;
}
