"use server";

import { revalidatePath } from "next/cache";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { referStage } from "@/server/referrals/refer-stage";
import { withdrawReferral } from "@/server/referrals/withdraw-referral";
import { refusalState } from "../../../../../_lib/refusal-state";

export async function referStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await referStage(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/queue");
  revalidatePath(`/people/${result.data.personId}`, "layout");
  // The page re-renders with the referral shown as waiting for an answer.
  return { fieldErrors: {} };
}

export async function withdrawReferralAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await withdrawReferral(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/queue");
  revalidatePath(`/people/${result.data.personId}`, "layout");
  return { fieldErrors: {} };
}
