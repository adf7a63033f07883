"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { recordAccommodation } from "@/server/accommodation/record-accommodation";
import { db } from "@/server/db/client";

export async function recordAccommodationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // What was typed goes back to the form only in this response, to the user who typed it.
  const result = await runFormUseCase(formData, (actor, input) => recordAccommodation(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?accommodation=recorded`);
}
