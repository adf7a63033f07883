import type { Metadata } from "next";
import Link from "next/link";
import { SafetyBanner } from "@/components/person/safety-banner";
import { roleHasPermission } from "@/domain/access/permissions";
import { parseQueueFilter, QUEUE_FILTER_LABELS, QUEUE_FILTERS } from "@/domain/queue/queue-filters";
import { formatDuration } from "@/domain/time/duration";
import { formatLondonDateTime } from "@/domain/time/london";
import { ROLE_LABELS, type Role } from "@/domain/types";
import { LiveRefresh } from "@/components/live/live-refresh";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getAgencyQueue, type OutgoingReferral } from "@/server/queue/get-agency-queue";
import { listTeamWorkload } from "@/server/queue/list-team-workload";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { AssignForm, ClaimForm } from "@/components/queue/stage-assignment";
import { assignStageAction, claimStageAction } from "./actions";
import { TableScrollRegion } from "@/components/table-scroll-region";

export const metadata: Metadata = { title: "Queue" };

const REFERRAL_STATE_LABELS: Record<OutgoingReferral["state"], string> = {
  PENDING: "Waiting for an answer",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const filter = parseQueueFilter((await searchParams).filter);
  const now = new Date();
  const queue = await loadOrNotFound(getAgencyQueue(db, actor, filter, now));
  const seesTeam = roleHasPermission(actor.role, "team.view");
  const team = seesTeam ? await listTeamWorkload(db, actor, now) : [];

  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">{queue.agencyName} queue</h1>
      <p className="mb-6 max-w-2xl text-muted">
        Stages your agency owns on live cases, most urgent first: overdue, then at risk, then due soonest.
      </p>
      <LiveRefresh />

      {queue.noContact.length > 0 && (
        <section aria-labelledby="no-contact-heading" className="mb-10">
          <h2 id="no-contact-heading" className="mb-3 text-2xl font-bold">
            No contact recorded ({queue.noContact.length})
          </h2>
          <p className="mb-3 max-w-2xl text-muted">People your agency is working with whom nobody has reached for longer than your partnership allows.</p>
          <ul className="border-t border-line" data-testid="no-contact">
            {queue.noContact.map((person) => (
              <li key={person.personId} className="border-b border-line py-3">
                <Link href={`/people/${person.personId}`} className="font-bold">
                  {person.displayName}
                </Link>{" "}
                <span className="text-muted">{person.caseReference}</span>
                <p className="font-bold" data-testid="no-contact-words">{person.words}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {queue.incoming.length > 0 && (
        <section aria-labelledby="incoming-heading" className="mb-10" id="referrals">
          <h2 id="incoming-heading" className="mb-3 text-2xl font-bold">
            Referrals waiting for your answer ({queue.incoming.length})
          </h2>
          <ul className="border-t border-line" data-testid="incoming-referrals">
            {queue.incoming.map((referral) => (
              <li key={referral.id} className="border-b border-line py-4">
                <p className="text-xl font-bold">
                  <Link href={`/referrals/${referral.id}`}>
                    {referral.stageTitle} for {referral.displayName}
                  </Link>
                </p>
                <p className="text-muted">
                  {referral.caseReference} · from {referral.fromAgencyName} ({referral.referredByName}),{" "}
                  {formatLondonDateTime(referral.createdAt)} · waiting {formatDuration(now.getTime() - referral.createdAt.getTime())}
                </p>
                <SafetyBanner flags={referral.safety} compact />
                {referral.message && <p className="mt-1">“{referral.message}”</p>}
                <div className="mt-2">
                  <LiveClock clock={serializeClock(referral.clock)} atRiskPercent={referral.atRiskPercent} renderedAt={now.getTime()} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {queue.milestones.length > 0 && (
        <section aria-labelledby="milestones-heading" className="mb-10">
          <h2 id="milestones-heading" className="mb-1 text-2xl font-bold">
            NRM milestones falling due ({queue.milestones.length})
          </h2>
          <p className="mb-3 text-muted">Dated milestones of NRM referrals your agency submitted, soonest first. They are not counted in the filters below.</p>
          <ul className="border-t border-line" data-testid="queue-milestones">
            {queue.milestones.map((milestone) => (
              <li key={`${milestone.personId}-${milestone.key}`} className="border-b border-line py-3" data-testid="queue-milestone">
                <p className="text-xl font-bold">
                  <Link href={`/people/${milestone.personId}/nrm`}>{milestone.text}</Link>
                </p>
                <p>
                  <Link href={`/people/${milestone.personId}`}>{milestone.displayName}</Link> <span className="text-muted">· {milestone.caseReference}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="stages-heading" className="mb-10">
        <h2 id="stages-heading" className="sr-only">
          Stages
        </h2>
        <nav aria-label="Filter the queue" className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {QUEUE_FILTERS.map((name) => {
              const current = name === queue.filter;
              return (
                <li key={name}>
                  <Link
                    href={name === "all" ? "/queue" : `/queue?filter=${name}`}
                    aria-current={current ? "page" : undefined}
                    className={`inline-block min-h-11 border-2 px-3 py-2 no-underline ${current ? "border-ink bg-ink font-bold text-white" : "border-line bg-white text-link"}`}
                  >
                    {QUEUE_FILTER_LABELS[name]} <span data-testid={`count-${name}`}>({queue.counts[name]})</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {queue.stages.length === 0 ? (
          <p>No stages {queue.filter === "all" ? "open" : `under “${QUEUE_FILTER_LABELS[queue.filter]}”`} right now.</p>
        ) : (
          <ul className="border-t border-line" data-testid="queue-list">
            {queue.stages.map((row) => {
              const label = `${row.stageTitle} for ${row.caseReference}`;
              return (
                <li key={row.stageId} className="border-b border-line py-4" data-testid="queue-row">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                    <p className="text-xl font-bold">
                      <Link href={`/people/${row.personId}/stages/${row.stageId}`}>{row.stageTitle}</Link>
                    </p>
                    <span className="text-base text-muted">{row.caseReference}</span>
                  </div>
                  <p>
                    <Link href={`/people/${row.personId}`}>{row.displayName}</Link>
                  </p>
                  <SafetyBanner flags={row.safety} compact />
                  <div className="mt-1">
                    <LiveClock clock={serializeClock(row.clock)} atRiskPercent={row.atRiskPercent} renderedAt={now.getTime()} />
                  </div>
                  <p className="mt-1" data-testid="assignee">
                    {row.assigneeName ? (
                      <>
                        Assigned to <span className="font-bold">{row.assigneeId === actor.id ? "you" : row.assigneeName}</span>
                      </>
                    ) : (
                      "Unassigned"
                    )}
                  </p>
                  {row.pendingReferralTo && <p className="text-muted">Referred to {row.pendingReferralTo}, waiting for an answer</p>}
                  {row.noContact && (
                    <p className="mt-1 font-bold" data-testid="row-no-contact">
                      {row.noContact}
                    </p>
                  )}
                  <div className="mt-2 flex flex-wrap items-end gap-4">
                    {row.canClaim && <ClaimForm stageId={row.stageId} stageLabel={label} action={claimStageAction} />}
                    {row.canAssign && (
                      <AssignForm
                        stageId={row.stageId}
                        stageLabel={label}
                        assigneeId={row.assigneeId}
                        people={team.map((member) => ({ id: member.userId, name: member.name }))}
                        action={assignStageAction}
                      />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {queue.outgoing.length > 0 && (
        <section aria-labelledby="outgoing-heading" className="mb-10">
          <h2 id="outgoing-heading" className="mb-3 text-2xl font-bold">
            Referrals your agency made
          </h2>
          <ul className="border-t border-line" data-testid="outgoing-referrals">
            {queue.outgoing.map((referral) => (
              <li key={referral.id} className="border-b border-line py-3">
                <p>
                  <Link href={`/referrals/${referral.id}`} className="font-bold">
                    {referral.stageTitle} for {referral.caseReference}
                  </Link>{" "}
                  to {referral.toAgencyName}
                </p>
                <p className="text-muted">
                  <span className="font-bold text-ink">{REFERRAL_STATE_LABELS[referral.state]}</span>
                  {referral.answeredAt
                    ? ` by ${referral.answeredByName ?? referral.toAgencyName}, ${formatLondonDateTime(referral.answeredAt)}, after ${formatDuration(referral.answeredAt.getTime() - referral.createdAt.getTime())}`
                    : `, sent ${formatLondonDateTime(referral.createdAt)}`}
                </p>
                {referral.answerReason && <p className="mt-1">“{referral.answerReason}”</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {seesTeam && (
        <section aria-labelledby="team-heading">
          <h2 id="team-heading" className="mb-3 text-2xl font-bold">
            Team workload
          </h2>
          <TableScrollRegion>
            <table className="w-full border-collapse text-left" data-testid="team-workload">
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">Name</th>
                  <th scope="col" className="py-2 pr-4">Role</th>
                  <th scope="col" className="py-2 pr-4 text-right">Open stages</th>
                  <th scope="col" className="py-2 text-right">Overdue</th>
                </tr>
              </thead>
              <tbody>
                {team.map((member) => (
                  <tr key={member.userId} className="border-b border-line">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {member.name}
                    </th>
                    <td className="py-2 pr-4">{ROLE_LABELS[member.role as Role]}</td>
                    <td className="py-2 pr-4 text-right">{member.open}</td>
                    <td className={`py-2 text-right ${member.overdue > 0 ? "font-bold" : ""}`}>{member.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        </section>
      )}
    </>
  );
}
