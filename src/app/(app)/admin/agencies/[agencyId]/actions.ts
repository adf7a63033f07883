"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { renameAgency } from "@/server/agencies/rename-agency";
import { setAgencyHours } from "@/server/agencies/set-agency-hours";
import { db } from "@/server/db/client";

export async function renameAgencyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => renameAgency(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/agencies");
  redirect(`/admin/agencies?changed=${result.data.agencyId}`);
}

export async function setAgencyHoursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => setAgencyHours(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/agencies");
  redirect(`/admin/agencies?changed=${result.data.agencyId}`);
}
