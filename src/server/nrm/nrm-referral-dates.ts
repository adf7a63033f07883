import "server-only";
import { dayFromDb } from "@/domain/nrm/dates";
import type { NrmDecisionKind, NrmOutcome, NrmReferralDates } from "@/domain/nrm/nrm-referral";

type Row = {
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
export function nrmReferralDates(row: Row): NrmReferralDates {
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
