import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { roleHasPermission } from "@/domain/access/permissions";
import { NATIONALITIES } from "@/domain/nationality/countries";
import { defaultReferrerType } from "@/domain/rescue/national-categories";
import { toLondonInputValue } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { LogRescueForm } from "./log-rescue-form";
import { titled } from "@/components/page-title";

async function NewRescuePage() {
  const actor = await requireActor();
  if (!roleHasPermission(actor.role, "rescue.log")) notFound();
  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Log a rescue</h1>
      <p className="mb-8 max-w-2xl">
        Record everyone found together. Each person gets the pathway straight away, with targets counted from the time of rescue.
        Only what you need to act on now: everything else can be added later.
      </p>
      {/* A fresh key per form served: a resubmit of this form can only ever create one rescue. */}
      {/* One country list for every person row, however many people are added (a rescue can have 60). */}
      <LogRescueForm
        idempotencyKey={randomUUID()}
        defaultOccurredAt={toLondonInputValue(new Date())}
        defaultReferrerType={defaultReferrerType(actor.agencyKind)}
        nationalities={NATIONALITIES}
      />
    </>
  );
}

export default titled("Log a rescue", NewRescuePage);
