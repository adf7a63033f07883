import Link from "next/link";
import { NotificationBanner } from "@/components/notification-banner";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { POSSIBLE_MATCH_REASON_LABELS } from "@/domain/possible-match/possible-match";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { listOpenPossibleMatches, POSSIBLE_MATCH_PAGE_SIZE } from "@/server/possible-matches/list-possible-matches";
import type { MatchSide } from "@/server/possible-matches/possible-match-view";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { titled } from "@/components/page-title";

async function PossibleMatchesPage({ searchParams }: { searchParams: Promise<{ decided?: string }> }) {
  const actor = await requireActor();
  const { decided } = await searchParams;
  const { total, rows } = await loadOrNotFound(listOpenPossibleMatches(db, actor));
  return (
    <>
      {decided === "same" && <NotificationBanner>Recorded: the same person. Both cases now show the earlier rescue, and the agencies that logged them were told.</NotificationBanner>}
      {decided === "not-same" && <NotificationBanner>Recorded: not the same person.</NotificationBanner>}
      <h1 className="mb-2 text-4xl font-bold">Possible earlier rescues</h1>
      <p className="mb-6 max-w-2xl text-muted">
        People just logged who have the same name and date of birth, or the same name and nationality, as someone the partnership
        already knows. Only you see these. Check each one and record whether it is the same person; to see who someone is, open their
        case and use break-glass.
      </p>
      {total === 0 ? (
        <p data-testid="no-possible-matches">No possible earlier rescues to check.</p>
      ) : (
        <TableScrollRegion labelledBy="possible-matches-caption" className="mb-12 border border-line">
          <table className="w-full min-w-[48rem] border-collapse text-left text-base" data-testid="possible-matches-table">
            <caption id="possible-matches-caption" className="p-2 text-left text-lg font-bold">
              {total} to check, longest waiting first{total > rows.length ? ` (the first ${POSSIBLE_MATCH_PAGE_SIZE} shown)` : ""}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2 align-bottom">Logged now</th>
                <th scope="col" className="p-2 align-bottom">Known before</th>
                <th scope="col" className="p-2 align-bottom">Why</th>
                <th scope="col" className="p-2 align-bottom">Flagged</th>
                <th scope="col" className="p-2 align-bottom">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-line align-top" data-testid="possible-match-row">
                  <td className="p-2">
                    <Side side={row.person} />
                  </td>
                  <td className="p-2">
                    <Side side={row.earlier} />
                  </td>
                  <td className="p-2">{POSSIBLE_MATCH_REASON_LABELS[row.reason]}</td>
                  <td className="p-2">{formatLondonDateTime(row.flaggedAt)}</td>
                  <td className="p-2">
                    <Link href={`/possible-matches/${row.id}`} className="font-bold">
                      Check<span className="sr-only">{` ${row.person.caseReference} against ${row.earlier.caseReference}`}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      )}
    </>
  );
}

function Side({ side }: { side: MatchSide }) {
  return (
    <>
      <Link href={`/cases/${side.personId}`} className="font-bold">
        {side.caseReference}
      </Link>
      <span className="block text-muted">
        {AGE_GROUP_LABELS[side.ageGroup]} · rescued {formatLondonDateTime(side.rescuedAt)}
        {side.live ? "" : " · closed"}
      </span>
      <span className="block text-muted">{side.agencies.join(", ")}</span>
    </>
  );
}

export default titled("Possible earlier rescues", PossibleMatchesPage);
