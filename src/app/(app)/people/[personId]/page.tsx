import type { Metadata } from "next";
import Link from "next/link";
import { roleHasPermission } from "@/domain/access/permissions";
import { NRM_DECISION_LABELS } from "@/domain/pathway/nrm-decision";
import { AGE_GROUP_LABELS, EXPLOITATION_TYPE_LABELS, GENDER_LABELS, STAGE_STATE_LABELS, isTreatedAsChild } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { nationalityName } from "@/domain/nationality/countries";
import {
  AGE_AT_EXPLOITATION_LABELS,
  COUNTY_LINES_LABELS,
  EXPLOITATION_LOCATION_LABELS,
  REFERRER_TYPE_LABELS,
} from "@/domain/rescue/national-categories";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NotificationBanner } from "@/components/notification-banner";
import { LiveClock } from "@/components/pathway/live-clock";
import { serializeClock } from "@/components/pathway/serialized-clock";
import { Timeline } from "@/components/pathway/timeline";
import { timelineTimeMode } from "@/domain/timeline/timeline-words";
import { SummaryList } from "@/components/summary-list";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPersonPathway, type PersonPathwayView } from "@/server/people/get-person-pathway";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { AddNoteForm } from "./add-note-form";
import { getConsentAndNrm } from "@/server/nrm/get-consent-and-nrm";
import { ConsentSummary, NrmSection } from "./consent-and-nrm-sections";

const NRM_BANNERS: Record<string, string> = {
  referred: "NRM referral recorded.",
  decision: "NRM decision recorded.",
  reconsideration: "Reconsideration request recorded.",
};

export const metadata: Metadata = { title: "Person's pathway" };

/** The country's name; legacy free text that matched no country says so (decision record 0019). */
function nationalityText(person: Pick<PersonPathwayView, "nationalityCode" | "nationalityUnmatched">): string {
  if (person.nationalityCode) return nationalityName(person.nationalityCode);
  if (person.nationalityUnmatched) return `Recorded as ‘${person.nationalityUnmatched}’ — not matched to the list`;
  return "Not recorded";
}


const CHANGE_WORDS: Record<string, string> = {
  IN_PROGRESS: "started",
  DONE: "marked done",
  NOT_NEEDED: "marked not needed",
  DECLINED: "marked declined by the person",
  PAUSED: "paused",
  NOT_STARTED: "resumed",
};

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<{ changed?: string; note?: string; accommodation?: string; time?: string | string[]; consent?: string; basis?: string; nrm?: string; dtn?: string }>;
}) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const { changed, note, accommodation, time, consent, basis, nrm, dtn } = await searchParams;
  const person = await loadOrNotFound(getPersonPathway(db, actor, personId, { withAccommodation: true }));
  const now = new Date();
  const consentAndNrm = await loadOrNotFound(getConsentAndNrm(db, actor, person.id, now));
  const changedStage = person.stages.find((stage) => stage.id === changed);

  return (
    <>
      {changedStage && (
        <NotificationBanner>
          {changedStage.title} {CHANGE_WORDS[changedStage.state] ?? "updated"}.
        </NotificationBanner>
      )}
      {note === "added" && <NotificationBanner>Note added to the timeline.</NotificationBanner>}
      {accommodation === "recorded" && <NotificationBanner>Accommodation address recorded.</NotificationBanner>}
      {consent === "recorded" && <NotificationBanner>Consent decision recorded.</NotificationBanner>}
      {consent === "withdrawn" && <NotificationBanner>Withdrawal of consent recorded: sharing for that purpose has stopped.</NotificationBanner>}
      {basis === "recorded" && <NotificationBanner>Lawful basis for sharing recorded.</NotificationBanner>}
      {nrm && NRM_BANNERS[nrm] && <NotificationBanner>{NRM_BANNERS[nrm]}</NotificationBanner>}
      {dtn === "sent" && <NotificationBanner>Duty to Notify recorded, with no identifying details.</NotificationBanner>}

      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-2 text-4xl font-bold break-words">{person.displayName}</h1>
      {person.minimalRecord ? (
        // Health's minimal record: no rescue place, and no link to the rescue's details.
        <p className="mb-6">
          Rescued {formatLondonDateTime(person.rescue.occurredAt)} · Rescue {person.rescue.reference}
        </p>
      ) : (
        <p className="mb-6">
          Rescued {formatLondonDateTime(person.rescue.occurredAt)} in {person.rescue.place} ·{" "}
          <Link href={`/rescues/${person.rescue.id}`}>Rescue {person.rescue.reference}</Link>
        </p>
      )}
      {isTreatedAsChild(person.ageGroup) && (
        <div className="mb-6 border-l-8 border-brand bg-panel p-4 font-bold">
          Treated as a child: children never need consent for an NRM referral.
        </div>
      )}

      <LiveRefresh personId={person.id} />
      <div className="lg:grid lg:grid-cols-3 lg:gap-10">
        <div className="lg:col-span-2">
          <h2 className="mb-4 text-2xl font-bold">Pathway</h2>
          {person.minimalRecord && (
            <p className="mb-4 max-w-2xl">
              You see the stages your agency works on in full. For the other stages you see only who owns them and how they stand.
            </p>
          )}
          <ol className="mb-10 border-t border-line" data-testid="stage-list">
            {person.stages.map((stage) => (
              <li key={stage.id} className="border-b border-line py-4" data-testid={`stage-${stage.key}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h3 className="text-xl font-bold">{stage.title}</h3>
                  {stage.changeRefusal === null ? (
                    <Link href={`/people/${person.id}/stages/${stage.id}`} className="font-bold">
                      Update<span className="sr-only"> {stage.title}</span>
                    </Link>
                  ) : null}
                </div>
                <p className="text-base text-muted">
                  {stage.ownerAgencyName} · {STAGE_STATE_LABELS[stage.state]}
                </p>
                <div className="mt-1">
                  <LiveClock clock={serializeClock(stage.clock)} atRiskPercent={person.atRiskPercent} renderedAt={now.getTime()} showDue target={stage.target} />
                </div>
                {stage.nrmDecision && (
                  <p className="mt-1 text-base" data-testid="nrm-decision">
                    Decision: <span className="font-bold">{NRM_DECISION_LABELS[stage.nrmDecision]}</span>
                  </p>
                )}
                {stage.closingReason && <p className="mt-1 text-base">Reason: {stage.closingReason}</p>}
              </li>
            ))}
          </ol>
        </div>

        <div>
          <h2 className="mb-4 text-2xl font-bold">Summary</h2>
          <SummaryList
            rows={[
              { key: "Age group", value: AGE_GROUP_LABELS[person.ageGroup] },
              { key: "Gender", value: GENDER_LABELS[person.gender] },
              ...(person.minimalRecord ? [] : [{ key: "Nationality", value: nationalityText(person) }]),
              { key: "Languages", value: person.languages.join(", ") || "Not known" },
              { key: "Interpreter", value: person.interpreterNeeded ? "Needed (independent only)" : "Not needed" },
              { key: "Immediate needs", value: person.immediateNeeds.join(", ") || "None recorded" },
              ...(person.minimalRecord
                ? []
                : [
                    { key: "Exploitation", value: person.exploitationType ? EXPLOITATION_TYPE_LABELS[person.exploitationType] : "Not recorded" },
                    {
                      key: "Where exploited",
                      value: person.exploitationLocation ? EXPLOITATION_LOCATION_LABELS[person.exploitationLocation] : "Not recorded",
                    },
                    { key: "County lines", value: person.countyLines ? COUNTY_LINES_LABELS[person.countyLines] : "Not recorded" },
                    {
                      key: "Age at exploitation",
                      value: person.ageAtExploitation ? AGE_AT_EXPLOITATION_LABELS[person.ageAtExploitation] : "Not recorded",
                    },
                    { key: "Referred or first found by", value: person.referrerType ? REFERRER_TYPE_LABELS[person.referrerType] : "Not recorded" },
                  ]),
              ...(person.minimalRecord ? [] : [{ key: "Logged by", value: person.rescue.loggedByAgencyName }]),
              { key: "Pathway", value: `Version ${person.pathwayVersion}` },
            ]}
          />
          {roleHasPermission(actor.role, "person.access_log") && (
            <p className="mb-8">
              <Link href={`/people/${person.id}/access-log`} className="font-bold">
                Who has seen this record
              </Link>
            </p>
          )}
        </div>
      </div>

      <ConsentSummary view={consentAndNrm} />
      <NrmSection view={consentAndNrm} />
      <AccommodationSection person={person} />

      <h2 className="mb-4 text-2xl font-bold">Timeline</h2>
      <AddNoteForm personId={person.id} />
      <Timeline entries={person.timeline} rescueAt={person.rescue.occurredAt} timeMode={timelineTimeMode(time)} pagePath={`/people/${person.id}`} />
    </>
  );
}

/**
 * Where the person is staying. The address is in the page only when the server read it for this user
 * (the providing agency and police); everyone else gets who arranged it and no address at all.
 */
function AccommodationSection({ person }: { person: PersonPathwayView }) {
  const { accommodation: placement, accommodationArrangedBy: arrangedBy } = person;
  return (
    <section className="mb-10 max-w-2xl" aria-labelledby="accommodation-heading" data-testid="accommodation">
      <h2 id="accommodation-heading" className="mb-4 text-2xl font-bold">
        Accommodation
      </h2>
      {placement?.address ? (
        <>
          <p className="mb-1 font-bold">Address</p>
          <p className="mb-2 whitespace-pre-line" data-testid="accommodation-address">
            {placement.address}
          </p>
          <p className="mb-4 text-muted">
            Arranged by {placement.providerAgencyName}, recorded {formatLondonDateTime(placement.recordedAt)}. Only{" "}
            {placement.providerAgencyName} and police can see this address. Do not copy it into notes or messages.
          </p>
        </>
      ) : placement ? (
        <p className="mb-4">
          Accommodation arranged by {placement.providerAgencyName}; the address is only shown to that agency and police.
        </p>
      ) : (
        <p className="mb-4">
          No accommodation address recorded yet.
          {arrangedBy && ` ${arrangedBy} arrange the accommodation and record the address.`}
        </p>
      )}
      {person.canRecordAccommodation && (
        <Link href={`/people/${person.id}/accommodation`} className="font-bold">
          {placement ? "Change the accommodation address" : "Record the accommodation address"}
        </Link>
      )}
    </section>
  );
}
