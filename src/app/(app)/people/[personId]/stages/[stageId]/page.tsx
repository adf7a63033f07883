import Link from "@/components/link";
import { notFound } from "next/navigation";
import { NRM_CONSENT_STAGE_KEY, NRM_DECISION_LABELS } from "@/domain/pathway/nrm-decision";
import { availableActions } from "@/domain/pathway/transitions";
import { STAGE_STATE_LABELS } from "@/domain/types";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPersonPathway } from "@/server/people/get-person-pathway";
import { getStageWork } from "@/server/stages/get-stage-work";
import { formatDuration } from "@/domain/time/duration";
import { formatLondonDateTime } from "@/domain/time/london";
import { AssignForm, ClaimForm } from "@/components/queue/stage-assignment";
import { assignStageAction, claimStageAction } from "@/app/(app)/queue/actions";
import { ReferStageForm } from "./refer-stage-form";
import { WithdrawReferralForm } from "./withdraw-referral-form";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { StageUpdateForm } from "./stage-update-form";
import { titled } from "@/components/page-title";

async function StagePage({ params }: { params: Promise<{ personId: string; stageId: string }> }) {
  const actor = await requireActor();
  const { personId, stageId } = await recordIdsOrNotFound(params);
  const person = await loadOrNotFound(getPersonPathway(db, actor, personId));
  const stage = person.stages.find((candidate) => candidate.id === stageId);
  if (!stage) notFound();
  const work = await loadOrNotFound(getStageWork(db, actor, stage.id));
  const now = new Date();
  const actions = availableActions(
    { state: stage.state, startedAt: stage.startedAt, completedAt: stage.clock.completedAt, pausedAt: stage.clock.pausedAt, pausedMs: stage.clock.pausedMs, closingReason: stage.closingReason },
    now,
  );

  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-6 inline-block">
        Back to {person.displayName}
      </Link>
      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-2 text-4xl font-bold">{stage.title}</h1>
      <p className="mb-2 max-w-2xl">{stage.description}</p>
      <p className="mb-2 text-muted">
        {stage.ownerAgencyName} · {STAGE_STATE_LABELS[stage.state]}
      </p>
      {stage.nrmDecision && (
        <p className="mb-2" data-testid="nrm-decision">
          Decision: <span className="font-bold">{NRM_DECISION_LABELS[stage.nrmDecision]}</span>
        </p>
      )}
      <div className="mb-8">
        <LiveClock clock={serializeClock(stage.clock)} atRiskPercent={person.atRiskPercent} renderedAt={now.getTime()} showDue target={stage.target} />
      </div>
      {stage.changeRefusal === "not-owner" || stage.changeRefusal === "not-permitted" ? (
        <p className="font-bold">Only {stage.ownerAgencyName} can change this stage.</p>
      ) : stage.changeRefusal === "case-closed" ? (
        <p className="font-bold">This case is closed, so its stages cannot be changed.</p>
      ) : stage.changeRefusal === "finished" || actions.length === 0 ? (
        <p className="font-bold">This stage is finished and cannot be changed.</p>
      ) : (
        <StageUpdateForm
          stageId={stage.id}
          version={stage.version}
          actions={actions}
          asksNrmDecision={stage.key === NRM_CONSENT_STAGE_KEY && actions.includes("complete")}
        />
      )}

      <section aria-labelledby="work-heading" className="mt-10">
        <h2 id="work-heading" className="mb-3 text-2xl font-bold">
          Who is doing this
        </h2>
        <p className="mb-3" data-testid="stage-assignee">
          {work.assigneeName ? (
            <>
              Assigned to <span className="font-bold">{work.assigneeId === actor.id ? "you" : work.assigneeName}</span>
              {work.assignedAt && <span className="text-muted"> since {formatLondonDateTime(work.assignedAt)}</span>}
            </>
          ) : (
            "Nobody has taken this stage yet."
          )}
        </p>
        <div className="mb-6 flex flex-wrap items-end gap-4">
          {work.canClaim && <ClaimForm stageId={stage.id} stageLabel={stage.title} action={claimStageAction} />}
          {work.canAssign && <AssignForm stageId={stage.id} stageLabel={stage.title} assigneeId={work.assigneeId} people={work.assignable} action={assignStageAction} />}
        </div>
        {work.pendingReferral && (
          <p className="mb-4 border-l-4 border-link pl-4" data-testid="pending-referral">
            Referred to <span className="font-bold">{work.pendingReferral.toAgency.name}</span> by {work.pendingReferral.referredBy.name},{" "}
            {formatLondonDateTime(work.pendingReferral.createdAt)}: waiting for an answer.{" "}
            <Link href={`/referrals/${work.pendingReferral.id}`}>View the referral</Link>
            {work.canWithdrawReferral && <WithdrawReferralForm referralId={work.pendingReferral.id} toAgencyName={work.pendingReferral.toAgency.name} />}
          </p>
        )}
        {work.canRefer && <ReferStageForm stageId={stage.id} agencies={work.referralTargets} />}
        {work.referrals.some((referral) => referral.answeredAt) && (
          <>
            <h3 className="mb-2 text-xl font-bold">Earlier referrals</h3>
            <ul className="mb-6 border-t border-line">
              {work.referrals
                .filter((referral) => referral.answeredAt)
                .map((referral) => (
                  <li key={referral.id} className="border-b border-line py-2">
                    {referral.fromAgencyName} to {referral.toAgencyName}, {formatLondonDateTime(referral.createdAt)}:{" "}
                    <span className="font-bold">{referral.state === "ACCEPTED" ? "accepted" : referral.state === "DECLINED" ? "declined" : "withdrawn"}</span>{" "}
                    {referral.answeredAt && `after ${formatDuration(referral.answeredAt.getTime() - referral.createdAt.getTime())}`}
                    {referral.answerReason && <span className="block text-muted">“{referral.answerReason}”</span>}
                  </li>
                ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

export default titled("Update a stage", StagePage);
