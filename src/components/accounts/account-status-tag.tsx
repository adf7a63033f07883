import { ACCOUNT_STATUS_LABELS, type AccountStatus } from "@/domain/accounts/account-status";

const COLOURS: Record<AccountStatus, string> = {
  active: "bg-[#cce2d8] text-[#005a30]",
  "not-activated": "bg-[#fff7bf] text-[#594d00]",
  "password-reset": "bg-[#fff7bf] text-[#594d00]",
  "switched-off": "bg-[#f4cdc6] text-[#2a0b06]",
};

/** GOV.UK-style tag: the words carry the status, the colour only repeats it. */
export function AccountStatusTag({ status }: { status: AccountStatus }) {
  return <strong className={`inline-block px-2 py-0.5 text-base font-bold ${COLOURS[status]}`}>{ACCOUNT_STATUS_LABELS[status]}</strong>;
}
