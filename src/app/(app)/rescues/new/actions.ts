"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { logRescue } from "@/server/rescues/log-rescue";
import { refusalState } from "../../../_lib/refusal-state";

export async function logRescueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await logRescue(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/people");
  redirect(`/rescues/${result.data.rescueId}?logged=1`);
}
