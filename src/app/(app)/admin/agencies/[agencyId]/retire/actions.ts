"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { retireAgency } from "@/server/agencies/retire-agency";
import { db } from "@/server/db/client";

export async function retireAgencyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => retireAgency(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/agencies");
  const { agencyId, movedStages, movedTo, declinedReferrals, withdrawnReferrals } = result.data;
  const to = movedTo ? `&to=${movedTo.id}` : "";
  redirect(`/admin/agencies?retired=${agencyId}&moved=${movedStages}${to}&declined=${declinedReferrals}&withdrawn=${withdrawnReferrals}`);
}
