"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { recordDutyToNotify } from "@/server/nrm/record-duty-to-notify";

export async function recordDutyToNotifyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => recordDutyToNotify(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?dtn=sent`);
}
