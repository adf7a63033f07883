import Link from "@/components/link";
import { roleHasPermission } from "@/domain/access/permissions";
import { SafetyBanner } from "@/components/person/safety-banner";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPersonPathway } from "@/server/people/get-person-pathway";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { recordIdsOrNotFound } from "@/app/_lib/record-ids-or-not-found";
import { SafetyFlagsForm } from "./safety-flags-form";
import { titled } from "@/components/page-title";

async function SafetyFlagsPage({ params }: { params: Promise<{ personId: string }> }) {
  const actor = await requireActor();
  const { personId } = await recordIdsOrNotFound(params);
  const person = await loadOrNotFound(getPersonPathway(db, actor, personId));
  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-6 inline-block">
        Back to {person.displayName}
      </Link>
      <SafetyBanner flags={person.safety} />
      <p className="mb-1 text-lg text-muted">{person.caseReference}</p>
      <h1 className="mb-4 text-4xl font-bold">Safety flags</h1>
      <p className="mb-8 max-w-2xl">
        Shown at the top of this person&apos;s record, and on every list row where they appear, to everyone who sees them. They never
        go into the dashboard, an export, a notice or the audit log.
      </p>
      {roleHasPermission(actor.role, "person.safety_flags") ? (
        <SafetyFlagsForm personId={person.id} version={person.version} flags={person.safety} />
      ) : (
        <p className="font-bold">Your role cannot change safety flags.</p>
      )}
    </>
  );
}

export default titled("Safety flags", SafetyFlagsPage);
