"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { openBreakGlass } from "@/server/break-glass/open-break-glass";
import { db } from "@/server/db/client";
import { refusalState } from "../../../_lib/refusal-state";

export async function breakGlassAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await openBreakGlass(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath(`/cases/${result.data.personId}`);
  redirect(`/cases/${result.data.personId}?opened=1`);
}
