import Link from "next/link";
import { SummaryList } from "@/components/summary-list";
import { POSSIBLE_MATCH_REASON_LABELS, POSSIBLE_MATCH_STATE_LABELS } from "@/domain/possible-match/possible-match";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPossibleMatch } from "@/server/possible-matches/get-possible-match";
import type { MatchSide } from "@/server/possible-matches/possible-match-view";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { DecidePossibleMatchForm } from "./decide-form";
import { titled } from "@/components/page-title";

async function PossibleMatchPage({ params }: { params: Promise<{ matchId: string }> }) {
  const actor = await requireActor();
  const { matchId } = await recordIdsOrNotFound(params);
  const match = await loadOrNotFound(getPossibleMatch(db, actor, matchId));
  return (
    <>
      <Link href="/possible-matches" className="mb-6 inline-block">
        Back to possible earlier rescues
      </Link>
      <h1 className="mb-2 text-4xl font-bold">Check a possible earlier rescue</h1>
      <p className="mb-6 max-w-2xl">
        {POSSIBLE_MATCH_REASON_LABELS[match.reason]}, flagged {formatLondonDateTime(match.flaggedAt)}. Open either case and use
        break-glass (logged and reviewed) if you need to see who they are.
      </p>
      <div className="mb-10 md:grid md:grid-cols-2 md:gap-10">
        <SideSummary title="Logged now" side={match.person} />
        <SideSummary title="Known before" side={match.earlier} />
      </div>
      {match.state === "OPEN" ? (
        <DecidePossibleMatchForm matchId={match.id} version={match.version} />
      ) : (
        <p className="font-bold" data-testid="match-decided">
          Decided {match.decidedAt ? formatLondonDateTime(match.decidedAt) : ""}: {POSSIBLE_MATCH_STATE_LABELS[match.state].toLowerCase()}.
        </p>
      )}
    </>
  );
}

function SideSummary({ title, side }: { title: string; side: MatchSide }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-2xl font-bold">
        {title}: <Link href={`/cases/${side.personId}`}>{side.caseReference}</Link>
      </h2>
      <SummaryList
        rows={[
          { key: "Age group", value: AGE_GROUP_LABELS[side.ageGroup] },
          { key: "Rescued", value: formatLondonDateTime(side.rescuedAt) },
          { key: "Case", value: side.live ? "Live" : "Closed" },
          { key: "Agencies", value: side.agencies.join(", ") },
        ]}
      />
    </section>
  );
}

export default titled("Check a possible earlier rescue", PossibleMatchPage);
