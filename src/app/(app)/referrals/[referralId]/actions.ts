"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { answerReferral } from "@/server/referrals/answer-referral";

export async function answerReferralAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => answerReferral(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/queue");
  revalidatePath(`/people/${result.data.personId}`, "layout");
  // Declining ends this agency's access to the person, so go back to the queue either way.
  redirect(`/queue?answered=${result.data.decision}`);
}
