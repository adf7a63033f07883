"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { recordConsent } from "@/server/nrm/record-consent";
import { recordSharingBasis } from "@/server/nrm/record-sharing-basis";
import { withdrawConsent } from "@/server/nrm/withdraw-consent";

export async function recordConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => recordConsent(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?consent=recorded`);
}

export async function withdrawConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => withdrawConsent(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?consent=withdrawn`);
}

export async function recordSharingBasisAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => recordSharingBasis(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?basis=recorded`);
}
