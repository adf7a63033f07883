"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { recordContact } from "@/server/contacts/record-contact";
import { addNote } from "@/server/people/add-note";
import { linkDependant, unlinkDependant } from "@/server/people/link-dependant";

export async function addNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => addNote(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?note=added`);
}

export async function linkDependantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => linkDependant(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?linked=parent`);
}

export async function unlinkDependantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => unlinkDependant(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?linked=unlinked`);
}

export async function recordContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => recordContact(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/people/${result.data.personId}`);
  redirect(`/people/${result.data.personId}?contact=recorded`);
}
