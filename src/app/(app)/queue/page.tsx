import Link from "@/components/link";
import { SafetyBanner } from "@/components/person/safety-banner";
import { Pagination } from "@/components/pagination";
import { queueRowView } from "@/components/queue/queue-row-view";
import { QueueStageRows } from "@/components/queue/queue-stage-rows";
import { QueueClockTicker } from "@/components/queue/queue-clock-ticker";
import { BulkAssignForm, QueueClaimForm } from "@/components/queue/stage-assignment";
import { LiveRefresh } from "@/components/live/live-refresh";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { QUEUE_FILTER_LABELS, QUEUE_FILTERS } from "@/domain/queue/queue-filters";
import { parseQueueView, QUEUE_AGE_SLUGS, queueHref, queueTitle, sortHref, type QueueSort, type QueueView } from "@/domain/queue/queue-view";
import { formatDuration } from "@/domain/time/duration";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS, AGE_GROUPS, ROLE_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getAgencyQueue, type AgencyQueue, type OutgoingReferral } from "@/server/queue/get-agency-queue";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { assignSelectedStagesAction, claimStageAction } from "./actions";
import { PageTitle } from "@/components/page-title";

type Query = Record<string, string | string[] | undefined>;

const REFERRAL_STATE_LABELS: Record<OutgoingReferral["state"], string> = {
  PENDING: "Waiting for an answer",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

/** How many people a side list names before it says "and N more": the page's weight follows its 50 rows. */
const SIDE_LIST_LIMIT = 20;

const CLAIM_FORM = "queue-claim";
const ASSIGN_FORM = "queue-assign";

export default async function QueuePage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor();
  const now = new Date();
  const queue = await loadOrNotFound(getAgencyQueue(db, actor, parseQueueView(await searchParams), now));
  const { view } = queue;
  const canBulkAssign = queue.stages.some((row) => row.canAssign);

  return (
    <>
      <PageTitle title={queueTitle(queue.view, queue.options)} />
      <h1 className="mb-2 text-4xl font-bold">{queue.agencyName} queue</h1>
      <p className="mb-4 max-w-2xl text-muted">
        Stages your agency owns on live cases, most urgent first: overdue, then at risk, then due soonest.
      </p>
      <LiveRefresh />
      <QueueClockTicker />

      <nav aria-labelledby="contents-heading" className="mb-8">
        <h2 id="contents-heading" className="text-lg font-bold">
          On this page
        </h2>
        <ul className="list-disc pl-6" data-testid="queue-contents">
          <li>
            <a href="#stages-heading">Stages ({queue.counts.all})</a>
          </li>
          {queue.team && (
            <li>
              <a href="#team-heading">Team workload</a>:{" "}
              <span data-testid="team-summary">
                {queue.team.length} {queue.team.length === 1 ? "person" : "people"}, {queue.team.reduce((sum, member) => sum + member.overdue, 0)} overdue
                stages held
              </span>
            </li>
          )}
          {queue.incoming.length > 0 && (
            <li>
              <a href="#incoming-heading">Referrals waiting for your answer ({queue.incoming.length})</a>
            </li>
          )}
          {queue.noContact.length > 0 && (
            <li>
              <a href="#no-contact-heading">No contact recorded ({queue.noContact.length})</a>
            </li>
          )}
          {queue.milestones.length > 0 && (
            <li>
              <a href="#milestones-heading">NRM milestones falling due ({queue.milestones.length})</a>
            </li>
          )}
          {queue.outgoing.length > 0 && (
            <li>
              <a href="#outgoing-heading">Referrals your agency made ({queue.outgoing.length})</a>
            </li>
          )}
        </ul>
      </nav>

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

      <section aria-labelledby="stages-heading" className="mb-10">
        <h2 id="stages-heading" className="mb-3 text-2xl font-bold">
          Stages
        </h2>
        <FilterLinks queue={queue} />
        {/* Keyed by the view: after a link changes it, the selects show the view, not what was picked before. */}
        <FilterForm key={queueHref({ ...view, page: 1 })} queue={queue} />

        <p className="mb-2 font-bold" data-testid="queue-showing" role="status">
          {queue.total === 0
            ? `No stages ${view.filter === "all" ? "open" : `under “${QUEUE_FILTER_LABELS[view.filter]}”`} right now.`
            : `Showing ${queue.from}–${queue.to} of ${queue.total} ${queue.total === 1 ? "stage" : "stages"}`}
        </p>

        {queue.stages.length > 0 && (
          <>
            <QueueClaimForm id={CLAIM_FORM} action={claimStageAction} />
            <TableScrollRegion labelledBy="queue-caption" className="border border-line">
              <table className="w-full min-w-[52rem] border-collapse text-left text-base" data-testid="queue-table">
                <caption id="queue-caption" className="p-2 text-left text-lg font-bold">
                  Stages, sorted by {SORT_CAPTIONS[view.sort]}
                  {view.order === "desc" ? ", reversed" : ""}
                </caption>
                <thead>
                  <tr className="border-b-2 border-ink">
                    {canBulkAssign && (
                      <th scope="col" className="p-2 align-bottom">
                        <span className="sr-only">Select</span>
                      </th>
                    )}
                    <SortHeading view={view} sort="stage" label="Stage" />
                    <SortHeading view={view} sort="person" label="Person" />
                    <SortHeading view={view} sort="urgency" label="Clock" />
                    <SortHeading view={view} sort="due" label="Due" />
                    <SortHeading view={view} sort="assignee" label="Assignee" />
                  </tr>
                </thead>
                <QueueStageRows
                  rows={queue.stages.map((row) => queueRowView(row, actor.id))}
                  selectable={canBulkAssign}
                  claimFormId={CLAIM_FORM}
                  assignFormId={ASSIGN_FORM}
                />
              </table>
            </TableScrollRegion>
            {canBulkAssign && queue.team && (
              <BulkAssignForm id={ASSIGN_FORM} people={queue.team.map((member) => ({ id: member.userId, name: member.name }))} action={assignSelectedStagesAction} />
            )}
            <Pagination page={view.page} pageCount={queue.pageCount} hrefFor={(page) => queueHref({ ...view, page })} />
          </>
        )}
      </section>

      {queue.team && (
        <section aria-labelledby="team-heading" className="mb-10">
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
                {queue.team.map((member) => (
                  <tr key={member.userId} className="border-b border-line">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <Link href={queueHref({ ...view, assignee: member.userId, page: 1 })}>{member.name}</Link>
                    </th>
                    <td className="py-2 pr-4">{ROLE_LABELS[member.role]}</td>
                    <td className="py-2 pr-4 text-right">{member.open}</td>
                    <td className={`py-2 text-right ${member.overdue > 0 ? "font-bold" : ""}`}>{member.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        </section>
      )}

      {queue.noContact.length > 0 && (
        <section aria-labelledby="no-contact-heading" className="mb-10">
          <h2 id="no-contact-heading" className="mb-3 text-2xl font-bold">
            No contact recorded ({queue.noContact.length})
          </h2>
          <p className="mb-3 max-w-2xl text-muted">People your agency is working with whom nobody has reached for longer than your partnership allows.</p>
          <ul className="border-t border-line" data-testid="no-contact">
            {queue.noContact.slice(0, SIDE_LIST_LIMIT).map((person) => (
              <li key={person.personId} className="border-b border-line py-3">
                <Link href={`/people/${person.personId}`} className="font-bold">
                  {person.displayName}
                </Link>{" "}
                <span className="text-muted">{person.caseReference}</span>
                <p className="font-bold" data-testid="no-contact-words">{person.words}</p>
              </li>
            ))}
          </ul>
          {queue.noContact.length > SIDE_LIST_LIMIT && (
            <p className="mt-2">
              And {queue.noContact.length - SIDE_LIST_LIMIT} more: each of their stages says “No contact” in the table above.
            </p>
          )}
        </section>
      )}

      {queue.milestones.length > 0 && (
        <section aria-labelledby="milestones-heading" className="mb-10">
          <h2 id="milestones-heading" className="mb-1 text-2xl font-bold">
            NRM milestones falling due ({queue.milestones.length})
          </h2>
          <p className="mb-3 text-muted">Dated milestones of NRM referrals your agency submitted, soonest first. They are not counted in the stage filters.</p>
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

      {queue.outgoing.length > 0 && (
        <section aria-labelledby="outgoing-heading" className="mb-10">
          <h2 id="outgoing-heading" className="mb-3 text-2xl font-bold">
            Referrals your agency made ({queue.outgoing.length})
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
    </>
  );
}

const SORT_CAPTIONS: Record<QueueSort, string> = {
  urgency: "urgency (most urgent first)",
  stage: "stage, in pathway order",
  person: "person",
  due: "due time",
  assignee: "assignee",
};

/** A column heading that sorts by its column: a link, with `aria-sort` on the column sorted now. */
function SortHeading({ view, sort, label }: { view: QueueView; sort: QueueSort; label: string }) {
  const current = view.sort === sort;
  return (
    <th scope="col" className="p-2 align-bottom" aria-sort={current ? (view.order === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={sortHref(view, sort)}
        aria-label={`${label}, sort ${current && view.order === "asc" ? "descending" : "ascending"}`}
        className="inline-flex min-h-11 items-center font-bold"
      >
        {label}
        <span aria-hidden="true" className="ml-1 text-sm">
          {current ? (view.order === "asc" ? "▲" : "▼") : "▲▼"}
        </span>
      </Link>
    </th>
  );
}

/** The filters with their counts, as links that keep the stage, assignee, age and sort chosen. */
function FilterLinks({ queue }: { queue: AgencyQueue }) {
  return (
    <nav aria-label="Filter the queue" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {QUEUE_FILTERS.map((name) => {
          const current = name === queue.view.filter;
          return (
            <li key={name}>
              <Link
                href={queueHref({ ...queue.view, filter: name, page: 1 })}
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
  );
}

/** Stage, assignee and age group: a plain GET form, so the URL holds the view and works without JavaScript. */
function FilterForm({ queue }: { queue: AgencyQueue }) {
  const { view, options } = queue;
  const select = "min-h-11 max-w-full border-2 border-ink bg-white px-2 text-base";
  return (
    <form method="get" action="/queue" className="mb-4 flex flex-wrap items-end gap-4" aria-label="Narrow the queue" data-testid="queue-filter-form">
      {view.filter !== "all" && <input type="hidden" name="filter" value={view.filter} />}
      {view.sort !== "urgency" && <input type="hidden" name="sort" value={view.sort} />}
      {view.order !== "asc" && <input type="hidden" name="order" value={view.order} />}
      <div>
        <label htmlFor="queue-stage" className="block font-bold">
          Stage
        </label>
        <select id="queue-stage" name="stage" defaultValue={view.stage ?? ""} className={select}>
          <option value="">All stages</option>
          {options.stages.map((stage) => (
            <option key={stage.key} value={stage.key}>
              {stage.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="queue-assignee" className="block font-bold">
          Assignee
        </label>
        <select id="queue-assignee" name="assignee" defaultValue={view.assignee ?? ""} className={select}>
          <option value="">Anyone</option>
          {options.assignees.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="queue-age" className="block font-bold">
          Age group
        </label>
        <select id="queue-age" name="age" defaultValue={view.age ? QUEUE_AGE_SLUGS[view.age] : ""} className={select}>
          <option value="">All ages</option>
          {AGE_GROUPS.map((group) => (
            <option key={group} value={QUEUE_AGE_SLUGS[group]}>
              {AGE_GROUP_LABELS[group]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 bg-panel px-4 py-2 text-lg font-bold text-ink shadow-[0_2px_0_#929191]">
        Apply filters
      </button>
      {(view.stage || view.assignee || view.age) && (
        <Link href={queueHref({ ...view, stage: null, assignee: null, age: null, page: 1 })} className="inline-block py-2">
          Clear filters
        </Link>
      )}
    </form>
  );
}
