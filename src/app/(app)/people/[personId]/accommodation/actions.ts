"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { recordAccommodation } from "@/server/accommodation/record-accommodation";
import { db } from "@/server/db/client";
import { refusalState } from "../../../../_lib/refusal-state";

export async function recordAccommodationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await recordAccommodation(db, actor, input).catch(refusalState);
  // What was typed goes back to the form only in this response, to the user who typed it.
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?accommodation=recorded`);
}
