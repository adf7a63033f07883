import Link from "@/components/link";
import { roleHasPermission } from "@/domain/access/permissions";
import { NRM_DECISION_LABELS } from "@/domain/pathway/nrm-decision";
import { AGE_GROUP_LABELS, EXPLOITATION_TYPE_LABELS, GENDER_LABELS, STAGE_STATE_LABELS, isTreatedAsChild } from "@/domain/types";
import { formatLondonDateTime, toLondonInputValue } from "@/domain/time/london";
import { CASE_CLOSE_REASON_LABELS } from "@/domain/cases/case-closing";
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
import { LinkParentForm, UnlinkParentForm } from "./link-parent-form";
import { SafetyBanner } from "@/components/person/safety-banner";
import { RecordContactForm } from "./record-contact-form";
import { getConsentAndNrm } from "@/server/nrm/get-consent-and-nrm";
import { ConsentSummary, NrmSection } from "./consent-and-nrm-sections";
import { titled } from "@/components/page-title";

const NRM_BANNERS: Record<string, string> = {
  referred: "NRM referral recorded.",
  decision: "NRM decision recorded.",
  reconsideration: "Reconsideration request recorded.",
};

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

async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<{
    changed?: string;
    note?: string;
    accommodation?: string;
    time?: string | string[];
    contact?: string;
    case?: string;
    details?: string;
    age?: string;
    safety?: string;
    linked?: string;
    consent?: string;
    basis?: string;
    nrm?: string;
    dtn?: string;
  }>;
}) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const { changed, note, accommodation, time, contact, case: caseChange, details, age, safety, linked, consent, basis, nrm, dtn } = await searchParams;
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
      {contact === "recorded" && <NotificationBanner>Contact recorded.</NotificationBanner>}
      {caseChange === "closed" && person.closedAt && <NotificationBanner>Case closed. Its open stages were closed and their clocks stopped.</NotificationBanner>}
      {caseChange === "reopened" && !person.closedAt && <NotificationBanner>Case reopened. The stages the closing ended have started again with new clocks.</NotificationBanner>}
      {details === "corrected" && <NotificationBanner>Details saved.</NotificationBanner>}
      {age === "assessed" && <NotificationBanner>Age assessment recorded: the pathway follows it.</NotificationBanner>}
      {safety === "saved" && <NotificationBanner>Safety flags saved.</NotificationBanner>}
      {linked === "parent" && <NotificationBanner>Linked to their parent.</NotificationBanner>}
      {linked === "unlinked" && <NotificationBanner>Unlinked from the parent. The link stays in both timelines.</NotificationBanner>}
      {consent === "recorded" && <NotificationBanner>Consent decision recorded.</NotificationBanner>}
      {consent === "withdrawn" && <NotificationBanner>Withdrawal of consent recorded: sharing for that purpose has stopped.</NotificationBanner>}
      {basis === "recorded" && <NotificationBanner>Lawful basis for sharing recorded.</NotificationBanner>}
      {nrm && NRM_BANNERS[nrm] && <NotificationBanner>{NRM_BANNERS[nrm]}</NotificationBanner>}
      {dtn === "sent" && <NotificationBanner>Duty to Notify recorded, with no identifying details.</NotificationBanner>}
      <SafetyBanner flags={person.safety} />

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
      {person.closedAt && (
        <div className="mb-6 border-l-8 border-ink bg-panel p-4" data-testid="case-closed">
          <p className="font-bold">
            Case closed {formatLondonDateTime(person.closedAt)}
            {person.closeReason ? `: ${CASE_CLOSE_REASON_LABELS[person.closeReason]}` : ""}.
          </p>
          <p>Its stages cannot be changed and no clock runs.{person.canReopen && " "}
            {person.canReopen && <Link href={`/cases/${person.id}/reopen`}>Reopen the case</Link>}
          </p>
        </div>
      )}
      {person.noContact && (
        <p className="mb-6 border-l-8 border-danger bg-panel p-4 font-bold" data-testid="no-contact">
          {person.noContact}. Try to reach them and record the contact.
        </p>
      )}
      <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
        {person.canProduceChronology && (
          <li>
            {/* Each production is audited: a prefetch must not count as one (app links never prefetch: src/components/link.tsx). */}
            <Link href={`/people/${person.id}/chronology`} className="font-bold">
              Chronology for a case review
            </Link>
          </li>
        )}
        {person.canClose && (
          <li>
            <Link href={`/cases/${person.id}/close`} className="font-bold">
              Close the case
            </Link>
          </li>
        )}
      </ul>
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
              { key: "Date of birth", value: person.dateOfBirth ?? "Not known" },
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
          <ul className="mb-8 space-y-2">
            {person.canCorrect && (
              <li>
                <Link href={`/people/${person.id}/details`} className="font-bold">
                  Correct or add details
                </Link>
              </li>
            )}
            {person.canAssessAge && (
              <li>
                <Link href={`/people/${person.id}/age`} className="font-bold">
                  Record an age assessment
                </Link>
              </li>
            )}
            {person.canSetSafetyFlags && (
              <li>
                <Link href={`/people/${person.id}/safety`} className="font-bold">
                  {person.safety ? "Change the safety flags" : "Add safety flags"}
                </Link>
              </li>
            )}
          </ul>
          <AgeAssessments person={person} />
          <Family person={person} />
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
      {person.canRecordContact && <RecordContactForm personId={person.id} defaultWhen={toLondonInputValue(now)} />}
      <AddNoteForm personId={person.id} />
      <Timeline entries={person.timeline} rescueAt={person.rescue.occurredAt} timeMode={timelineTimeMode(time)} pagePath={`/people/${person.id}`} />
    </>
  );
}

function AgeAssessments({ person }: { person: PersonPathwayView }) {
  if (person.ageAssessments.length === 0) return null;
  return (
    <section className="mb-8" aria-labelledby="age-heading" data-testid="age-assessments">
      <h2 id="age-heading" className="mb-2 text-xl font-bold">
        Age assessments
      </h2>
      <ul className="space-y-2">
        {person.ageAssessments.map((assessment) => (
          <li key={assessment.recordedAt.toISOString()}>
            {assessment.outcome === "ADULT" ? "Adult" : "Child"}, assessed {assessment.assessedOn} by {assessment.assessedBy}
            {assessment.mertonCompliant ? " (Merton-compliant)" : " (not Merton-compliant)"}; recorded by {assessment.recordedByAgencyName}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Parent and children, within need-to-know: a linked child this user cannot see is counted, never named. */
function Family({ person }: { person: PersonPathwayView }) {
  const nothing = !person.parent && !person.hasHiddenParent && person.dependants.length === 0 && person.hiddenDependants === 0;
  if (nothing && person.parentCandidates.length === 0) return null;
  return (
    <section className="mb-8" aria-labelledby="family-heading" data-testid="family">
      <h2 id="family-heading" className="mb-2 text-xl font-bold">
        Family in this rescue
      </h2>
      {person.parent && (
        <p className="mb-2">
          Child of <Link href={`/people/${person.parent.id}`}>{person.parent.displayName}</Link> ({person.parent.caseReference})
        </p>
      )}
      {person.hasHiddenParent && <p className="mb-2">Child of a person your agency does not work with.</p>}
      {person.canUnlinkParent && <UnlinkParentForm personId={person.id} />}
      {person.dependants.length > 0 && (
        <>
          <p className="mb-1 font-bold">Children</p>
          <ul className="mb-2 list-disc pl-6" data-testid="dependants">
            {person.dependants.map((child) => (
              <li key={child.id}>
                <Link href={`/people/${child.id}`}>{child.displayName}</Link> ({child.caseReference})
              </li>
            ))}
          </ul>
        </>
      )}
      {person.hiddenDependants > 0 && (
        <p className="mb-2" data-testid="hidden-dependants">
          {person.hiddenDependants === 1 ? "1 linked child" : `${person.hiddenDependants} linked children`} your agency does not work with:
          children&apos;s services hold their record.
        </p>
      )}
      {person.parentCandidates.length > 0 && (
        <LinkParentForm
          personId={person.id}
          candidates={person.parentCandidates.map((candidate) => ({ id: candidate.id, label: `${candidate.displayName} (${candidate.caseReference})` }))}
        />
      )}
    </section>
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

export default titled("Person's pathway", PersonPage);
