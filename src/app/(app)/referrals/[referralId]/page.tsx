import Link from "@/components/link";
import { formatDuration } from "@/domain/time/duration";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS } from "@/domain/types";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { SummaryList } from "@/components/summary-list";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getReferral } from "@/server/referrals/get-referral";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { AnswerReferralForm } from "./answer-referral-form";
import { titled } from "@/components/page-title";

const STATE_LABELS = { PENDING: "Waiting for an answer", ACCEPTED: "Accepted", DECLINED: "Declined", WITHDRAWN: "Withdrawn" } as const;

async function ReferralPage({ params }: { params: Promise<{ referralId: string }> }) {
  const actor = await requireActor();
  const { referralId } = await recordIdsOrNotFound(params);
  const referral = await loadOrNotFound(getReferral(db, actor, referralId));
  const now = new Date();
  return (
    <>
      <Link href="/queue" className="mb-6 inline-block">
        Back to the queue
      </Link>
      <p className="mb-1 text-lg text-muted">{referral.person.caseReference}</p>
      <h1 className="mb-4 text-4xl font-bold">Referral: {referral.stage.title}</h1>
      <div className="mb-6">
        <LiveClock clock={serializeClock(referral.stage.clock)} atRiskPercent={referral.atRiskPercent} renderedAt={now.getTime()} showDue />
      </div>
      <SummaryList
        rows={[
          { key: "Person", value: <Link href={`/people/${referral.person.id}`}>{referral.person.displayName}</Link> },
          { key: "Age group", value: AGE_GROUP_LABELS[referral.person.ageGroup] },
          { key: "Stage", value: referral.stage.description },
          { key: "From", value: `${referral.fromAgencyName} (${referral.referredByName})` },
          { key: "To", value: referral.toAgencyName },
          { key: "Sent", value: formatLondonDateTime(referral.createdAt) },
          { key: "Message", value: referral.message ?? "None" },
          {
            key: "Answer",
            value: referral.answeredAt
              ? `${STATE_LABELS[referral.state]} by ${referral.answeredByName ?? referral.toAgencyName}, ${formatLondonDateTime(referral.answeredAt)} (waited ${formatDuration(referral.answeredAt.getTime() - referral.createdAt.getTime())})`
              : `${STATE_LABELS[referral.state]} (waiting ${formatDuration(now.getTime() - referral.createdAt.getTime())})`,
          },
          ...(referral.answerReason ? [{ key: "Reason", value: referral.answerReason }] : []),
        ]}
      />
      {referral.canAnswer && (
        <section aria-labelledby="answer-heading" className="mt-8">
          <h2 id="answer-heading" className="mb-4 text-2xl font-bold">
            Answer the referral
          </h2>
          <AnswerReferralForm referralId={referral.id} agencyName={actor.agencyName} />
        </section>
      )}
    </>
  );
}

export default titled("Referral", ReferralPage);
