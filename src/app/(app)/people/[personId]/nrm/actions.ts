"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { recordNrmDecision } from "@/server/nrm/record-nrm-decision";
import { recordNrmReferral } from "@/server/nrm/record-nrm-referral";
import { requestNrmReconsideration } from "@/server/nrm/request-nrm-reconsideration";

export async function recordNrmReferralAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => recordNrmReferral(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?nrm=referred`);
}

export async function recordNrmDecisionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => recordNrmDecision(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?nrm=decision`);
}

export async function requestNrmReconsiderationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => requestNrmReconsideration(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?nrm=reconsideration`);
}
