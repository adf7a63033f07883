"use server";

import { revalidatePath } from "next/cache";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import { initialFormState, type BulkAssignFormState, type FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { assignSelectedStages } from "@/server/queue/assign-selected-stages";
import { assignStage, claimStage } from "@/server/stages/assign-stage";

function refreshAfter(personId: string) {
  revalidatePath("/queue");
  revalidatePath(`/people/${personId}`, "layout");
}

export async function claimStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => claimStage(db, actor, input));
  if (!result.ok) return result.state;
  refreshAfter(result.data.personId);
  return initialFormState;
}

export async function assignStageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => assignStage(db, actor, input));
  if (!result.ok) return result.state;
  refreshAfter(result.data.personId);
  return initialFormState;
}

export async function assignSelectedStagesAction(_previous: BulkAssignFormState, formData: FormData): Promise<BulkAssignFormState> {
  const result = await runFormUseCase(formData, (actor, input) => assignSelectedStages(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/queue");
  revalidatePath("/people", "layout");
  return { ...initialFormState, report: result.data };
}
