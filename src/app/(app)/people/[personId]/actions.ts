"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { addNote } from "@/server/people/add-note";
import { changeStage } from "@/server/stages/change-stage";
import { refusalState } from "../../../_lib/refusal-state";

export async function changeStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await changeStage(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath(`/people/${result.data.personId}`);
  revalidatePath("/people");
  redirect(`/people/${result.data.personId}?changed=${encodeURIComponent(String(input.stageId))}`);
}

export async function addNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await addNote(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?note=added`);
}
