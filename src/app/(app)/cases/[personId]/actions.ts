"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { openBreakGlass } from "@/server/break-glass/open-break-glass";
import { db } from "@/server/db/client";

export async function breakGlassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => openBreakGlass(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/cases/${result.data.personId}`);
  redirect(`/cases/${result.data.personId}?opened=1`);
}
