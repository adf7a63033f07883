import Link from "@/components/link";
import { notFound } from "next/navigation";
import { AGENCY_KIND_LABELS } from "@/domain/types";
import { requireActor } from "@/server/access/current-actor";
import { getAgency } from "@/server/agencies/get-agency";
import type { RetirementBlocker } from "@/server/agencies/retirement-plan";
import { db } from "@/server/db/client";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { RetireAgencyForm } from "./retire-agency-form";
import { titled } from "@/components/page-title";

async function RetireAgencyPage({ params }: { params: Promise<{ agencyId: string }> }) {
  const actor = await requireActor();
  const { agencyId } = await recordIdsOrNotFound(params);
  const agency = await loadOrNotFound(getAgency(db, actor, agencyId));
  if (!agency.retirement) notFound();
  const plan = agency.retirement;
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

  return (
    <>
      <Link href={`/admin/agencies/${agency.id}`} className="mb-6 inline-block">
        Back to {agency.name}
      </Link>
      <p className="mb-1 text-lg text-muted">{AGENCY_KIND_LABELS[agency.kind]}</p>
      <h1 className="mb-6 text-4xl font-bold">Retire {agency.name}</h1>

      {plan.blockers.length > 0 ? (
        <div className="mb-8 max-w-2xl border-l-8 border-danger bg-panel p-4" data-testid="retire-blockers">
          <h2 className="mb-3 text-2xl font-bold">You cannot retire {agency.name} yet</h2>
          <ul className="list-disc space-y-3 pl-6">
            {plan.blockers.map((blocker) => (
              <li key={blocker.code}>
                <Blocker blocker={blocker} agency={agency} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <h2 className="mb-3 text-2xl font-bold">What happens</h2>
          <ul className="mb-8 max-w-2xl list-disc space-y-2 pl-6" data-testid="retire-effects">
            <li>
              {plan.openStages > 0
                ? `Its ${plural(plan.openStages, "open stage moves", "open stages move")} to the agency you choose below, unassigned. Each person's timeline says so.`
                : "It owns no open stages, so no work needs to move."}
            </li>
            <li>
              {plan.referralsWaitingOnIt > 0
                ? `${plural(plan.referralsWaitingOnIt, "referral waits", "referrals wait")} for its answer: ${plan.referralsWaitingOnIt === 1 ? "it is" : "they are"} declined, with the reason that it was retired. Each stage stays with the agency that referred it, which is told and may refer it elsewhere.`
                : "No referrals are waiting for its answer."}
            </li>
            {plan.referralsItMade > 0 && (
              <li>
                {`${plural(plan.referralsItMade, "referral", "referrals")} it made ${plan.referralsItMade === 1 ? "is" : "are"} still waiting for an answer: ${plan.referralsItMade === 1 ? "it is" : "they are"} withdrawn. The stage's new owner may refer it again.`}
              </li>
            )}
            <li>It is no longer offered for referrals, new staff or moved work. Its history keeps its name, marked “(retired)”.</li>
            <li>Retiring cannot be undone here.</li>
          </ul>
          {plan.openStages > 0 && plan.moveTargets.length === 0 ? (
            <p className="font-bold">There is no other active agency to take on its open stages. Add one first.</p>
          ) : (
            <RetireAgencyForm
              agency={agency}
              openStages={plan.openStages}
              moveTargets={plan.moveTargets.map((target) => ({
                id: target.id,
                name: target.name,
                kindLabel: AGENCY_KIND_LABELS[target.kind],
                sameKind: target.kind === agency.kind,
              }))}
            />
          )}
        </>
      )}
    </>
  );
}

function Blocker({ blocker, agency }: { blocker: RetirementBlocker; agency: { id: string; name: string } }) {
  switch (blocker.code) {
    case "owns-pathway-stages":
      return (
        <>
          The current pathway (version {blocker.pathwayVersion}) names {agency.name} as the owner of {blocker.stageTitles.join(", ")}.{" "}
          <Link href="/admin/pathway" className="font-bold">
            Change the pathway first
          </Link>
          , giving those stages to another agency.
        </>
      );
    case "has-active-staff":
      return (
        <>
          It still has {blocker.activeStaff} active {blocker.activeStaff === 1 ? "member" : "members"} of staff.{" "}
          <Link href={`/admin/users?agency=${agency.id}`} className="font-bold">
            See its staff
          </Link>{" "}
          and move them to another agency or switch their accounts off.
        </>
      );
    case "last-of-kind":
      return (
        <>
          It is the partnership&rsquo;s last active agency of the kind &ldquo;{blocker.kindLabel}&rdquo;, and the partnership needs one.{" "}
          <Link href="/admin/agencies#add" className="font-bold">
            Add another agency of that kind
          </Link>{" "}
          first.
        </>
      );
  }
}

export default titled("Retire an agency", RetireAgencyPage);
