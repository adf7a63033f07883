import "server-only";
import { dayFromDb } from "@/domain/nrm/dates";
import type { NrmDecisionKind, NrmOutcome, NrmReferralDates } from "@/domain/nrm/nrm-referral";

/** The dated decisions of an NRM referral row, as the database holds them. */
export type NrmReferralDateColumns = {
  submittedOn: Date;
  reasonableGrounds: NrmOutcome | null;
  reasonableGroundsOn: Date | null;
  conclusiveGrounds: NrmOutcome | null;
  conclusiveGroundsOn: Date | null;
  reconsiderationOf: NrmDecisionKind | null;
  reconsiderationRequestedOn: Date | null;
};

const day = (date: Date | null) => (date ? dayFromDb(date) : null);

/** A referral row's dates as the domain's milestone rule reads them. */
export function nrmReferralDates(row: NrmReferralDateColumns): NrmReferralDates {
  return {
    submittedOn: dayFromDb(row.submittedOn),
    reasonableGrounds: row.reasonableGrounds,
    reasonableGroundsOn: day(row.reasonableGroundsOn),
    conclusiveGrounds: row.conclusiveGrounds,
    conclusiveGroundsOn: day(row.conclusiveGroundsOn),
    reconsiderationOf: row.reconsiderationOf,
    reconsiderationRequestedOn: day(row.reconsiderationRequestedOn),
  };
}
