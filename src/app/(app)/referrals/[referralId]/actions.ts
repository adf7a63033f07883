"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { answerReferral } from "@/server/referrals/answer-referral";
import { refusalState } from "../../../_lib/refusal-state";

export async function answerReferralAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await answerReferral(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/queue");
  revalidatePath(`/people/${result.data.personId}`, "layout");
  // Declining ends this agency's access to the person, so go back to the queue either way.
  redirect(`/queue?answered=${result.data.decision}`);
}
