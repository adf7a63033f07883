"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { logRescue } from "@/server/rescues/log-rescue";

export async function logRescueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => logRescue(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/people");
  redirect(`/rescues/${result.data.rescueId}?logged=1`);
}
