"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { roleHasPermission } from "@/domain/access/permissions";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { reopenCase } from "@/server/cases/reopen-case";
import { db } from "@/server/db/client";

export async function reopenCaseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let coordinator = false;
  const result = await runFormUseCase(formData, (actor, input) => {
    coordinator = roleHasPermission(actor.role, "case.view_pseudonymised");
    return reopenCase(db, actor, input);
  });
  if (!result.ok) return result.state;
  const back = coordinator ? `/cases/${result.data.personId}` : `/people/${result.data.personId}`;
  revalidatePath(back);
  redirect(`${back}?case=reopened`);
}
