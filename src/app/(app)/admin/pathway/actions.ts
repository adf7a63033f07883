"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { deletePathwayVersion } from "@/server/pathway/delete-pathway-version";
import { publishPathwayVersion } from "@/server/pathway/publish-pathway-version";

export async function publishPathwayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => publishPathwayVersion(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/pathway");
  redirect(result.data.version === null ? "/admin/pathway?saved=none" : `/admin/pathway?published=${result.data.version}`);
}

export async function deletePathwayVersionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => deletePathwayVersion(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/pathway");
  redirect(`/admin/pathway?deleted=${result.data.version}`);
}
