import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { roleHasPermission } from "@/domain/access/permissions";
import { NATIONALITIES } from "@/domain/nationality/countries";
import { defaultReferrerType } from "@/domain/rescue/national-categories";
import { toLondonInputValue } from "@/domain/time/london";
import { requireActor } from "@/server/access/current-actor";
import { LogRescueForm } from "./log-rescue-form";

export const metadata: Metadata = { title: "Log a rescue" };

const NATIONALITY_LIST_ID = "nationality-list";

export default async function NewRescuePage() {
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
      <LogRescueForm
        idempotencyKey={randomUUID()}
        defaultOccurredAt={toLondonInputValue(new Date())}
        defaultReferrerType={defaultReferrerType(actor.agencyKind)}
        nationalityListId={NATIONALITY_LIST_ID}
      />
      {/* One list of countries for every person's nationality field, however many people are added. */}
      <datalist id={NATIONALITY_LIST_ID}>
        {NATIONALITIES.map((entry) => (
          <option key={entry.code} value={entry.name}>
            {entry.demonym && entry.demonym !== entry.name ? entry.demonym : undefined}
          </option>
        ))}
      </datalist>
    </>
  );
}
