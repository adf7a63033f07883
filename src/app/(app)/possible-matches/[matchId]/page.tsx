import Link from "@/components/link";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";
import { POSSIBLE_MATCH_REASON_LABELS, POSSIBLE_MATCH_STATE_LABELS } from "@/domain/possible-match/possible-match";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPossibleMatch } from "@/server/possible-matches/get-possible-match";
import type { MatchDecisionView, MatchSide } from "@/server/possible-matches/possible-match-view";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { DecidePossibleMatchForm } from "./decide-form";
import { UndoPossibleMatchDecisionForm } from "./undo-form";
import { PageTitle } from "@/components/page-title";

type Props = { params: Promise<{ matchId: string }>; searchParams: Promise<{ undone?: string | string[] }> };

export default async function PossibleMatchPage({ params, searchParams }: Props) {
  const { matchId } = await recordIdsOrNotFound(params);
  const { undone } = await searchParams;
  const actor = await requireActor();
  const match = await loadOrNotFound(getPossibleMatch(db, actor, matchId));
  const standing = match.state === "OPEN" ? null : match.decisions.find((decision) => decision.undone === null);
  return (
    <>
      <PageTitle title={match.state === "OPEN" ? "Check a possible earlier rescue" : `Possible earlier rescue: ${POSSIBLE_MATCH_STATE_LABELS[match.state].toLowerCase()}`} />
      {match.state === "OPEN" && (undone === "same" || undone === "not-same") && (
        <NotificationBanner>
          Decision undone: this pair is back to check.
          {undone === "same" ? " Neither case shows the earlier rescue now, and the agencies that logged them were told." : ""}
        </NotificationBanner>
      )}
      <Link href="/possible-matches" className="mb-6 inline-block">
        Back to possible earlier rescues
      </Link>
      <h1 className="mb-2 text-4xl font-bold">{match.state === "OPEN" ? "Check a possible earlier rescue" : "A decided possible earlier rescue"}</h1>
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
        <>
          <p className="mb-8 text-lg font-bold" data-testid="match-decided">
            Decided {match.decidedAt ? formatLondonDateTime(match.decidedAt) : ""}
            {standing ? ` by ${standing.decidedByName}` : ""}: {POSSIBLE_MATCH_STATE_LABELS[match.state].toLowerCase()}.
          </p>
          {match.canUndo && <UndoPossibleMatchDecisionForm matchId={match.id} version={match.version} samePerson={match.state === "SAME_PERSON"} />}
        </>
      )}
      {match.decisions.length > 0 && <DecisionHistory decisions={match.decisions} />}
    </>
  );
}

/** Every decision on the pair, newest first, with who undid it and why (GOV.UK summary lists, one per decision). */
function DecisionHistory({ decisions }: { decisions: MatchDecisionView[] }) {
  return (
    <section aria-labelledby="history-heading" className="mt-12 max-w-3xl" data-testid="decision-history">
      <h2 id="history-heading" className="mb-4 text-2xl font-bold">
        Decisions on this pair
      </h2>
      <ol className="space-y-6">
        {decisions.map((decision) => (
          <li key={decision.id} className="border-l-4 border-line pl-4" data-testid="decision-history-entry">
            <h3 className="mb-2 text-xl font-bold">
              {POSSIBLE_MATCH_STATE_LABELS[decision.decision]}
              {decision.undone ? " (undone)" : " (stands)"}
            </h3>
            <SummaryList
              rows={[
                { key: "Decided", value: `${formatLondonDateTime(decision.decidedAt)} by ${decision.decidedByName}` },
                { key: "Note", value: <span className="whitespace-pre-line">{decision.note}</span> },
                ...(decision.undone
                  ? [
                      { key: "Undone", value: `${formatLondonDateTime(decision.undone.at)} by ${decision.undone.byName}` },
                      { key: "Why", value: <span className="whitespace-pre-line">{decision.undone.reason}</span> },
                    ]
                  : []),
              ]}
            />
          </li>
        ))}
      </ol>
    </section>
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
