"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { setSafetyFlags } from "@/server/people/set-safety-flags";

export async function setSafetyFlagsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => setSafetyFlags(db, actor, input));
  if (!result.ok) {
    // A stale form: the page reloads with the flags as they are now; the form keeps what was typed.
    if (result.state.code === "stale-version" && typeof result.state.values?.personId === "string") {
      revalidatePath(`/people/${result.state.values.personId}/safety`);
    }
    return result.state;
  }
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?safety=saved`);
}
