"use server";

import { revalidatePath } from "next/cache";
import { readFormFields } from "@/lib/form-data";
import { initialFormState, type FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { assignStage, claimStage } from "@/server/stages/assign-stage";
import { refusalState } from "../../_lib/refusal-state";

function refreshAfter(personId: string) {
  revalidatePath("/queue");
  revalidatePath(`/people/${personId}`, "layout");
}

export async function claimStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await claimStage(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  refreshAfter(result.data.personId);
  return initialFormState;
}

export async function assignStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await assignStage(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  refreshAfter(result.data.personId);
  return initialFormState;
}
