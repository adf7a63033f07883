"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { addAgency } from "@/server/agencies/add-agency";
import { db } from "@/server/db/client";

export async function addAgencyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => addAgency(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/agencies");
  redirect(`/admin/agencies?added=${result.data.agencyId}`);
}
