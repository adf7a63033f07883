"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { referStage } from "@/server/referrals/refer-stage";
import { withdrawReferral } from "@/server/referrals/withdraw-referral";
import { changeStage } from "@/server/stages/change-stage";

export async function referStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => referStage(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/queue");
  revalidatePath(`/people/${result.data.personId}`, "layout");
  // The page re-renders with the referral shown as waiting for an answer.
  return { fieldErrors: {} };
}

export async function withdrawReferralAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => withdrawReferral(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/queue");
  revalidatePath(`/people/${result.data.personId}`, "layout");
  return { fieldErrors: {} };
}

export async function changeStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => changeStage(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  revalidatePath("/people");
  redirect(`/people/${result.data.personId}?changed=${encodeURIComponent(String(result.input.stageId))}`);
}
