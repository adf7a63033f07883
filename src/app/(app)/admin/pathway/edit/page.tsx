import Link from "@/components/link";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPathwayAdmin } from "@/server/pathway/get-pathway-admin";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { PathwayEditForm } from "./pathway-edit-form";
import { titled } from "@/components/page-title";

async function EditPathwayPage() {
  const actor = await requireActor();
  const pathway = await loadOrNotFound(getPathwayAdmin(db, actor));
  const { current } = pathway;
  return (
    <>
      <Link href="/admin/pathway" className="mb-6 inline-block">
        Back to the pathway
      </Link>
      <h1 className="mb-2 text-4xl font-bold">Edit the pathway</h1>
      <p className="mb-8 max-w-2xl text-muted">
        You are changing version {current.version}. Saving publishes version {current.version + 1}: rescues logged from then on get it,
        and people already on the pathway keep the version they started under. If nothing changes, no version is published.
      </p>
      <PathwayEditForm
        baseVersion={current.version}
        stages={current.stages}
        owners={pathway.owners.map((owner) => ({ value: owner.id, label: owner.name }))}
      />
    </>
  );
}

export default titled("Edit the pathway", EditPathwayPage);
