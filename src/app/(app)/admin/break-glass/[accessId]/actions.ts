"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { reviewBreakGlass } from "@/server/break-glass/review-break-glass";
import { db } from "@/server/db/client";

export async function reviewBreakGlassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => reviewBreakGlass(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/break-glass");
  redirect(`/admin/break-glass?reviewed=${result.data.accessId}`);
}
