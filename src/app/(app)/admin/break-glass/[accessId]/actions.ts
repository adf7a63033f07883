"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { reviewBreakGlass } from "@/server/break-glass/review-break-glass";
import { db } from "@/server/db/client";
import { refusalState } from "../../../../_lib/refusal-state";

export async function reviewBreakGlassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await reviewBreakGlass(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/admin/break-glass");
  redirect(`/admin/break-glass?reviewed=${result.data.accessId}`);
}
