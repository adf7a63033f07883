"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import type { FormState } from "@/lib/form-state";
import { requireActor } from "@/server/access/current-actor";
import { updateEscalationSettings } from "@/server/admin/escalation-settings";
import { updateIdleTimeoutSettings } from "@/server/admin/idle-timeout";
import { updateSuppressionSettings } from "@/server/admin/suppression-threshold";
import { db } from "@/server/db/client";
import { refusalState } from "../../../_lib/refusal-state";

export async function updateEscalationSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await updateEscalationSettings(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/admin/settings");
  redirect("/admin/settings?saved=1");
}

export async function updateSuppressionSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await updateSuppressionSettings(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/admin/settings");
  redirect("/admin/settings?saved=threshold");
}

export async function updateIdleTimeoutSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) return form.state;
  const input = form.input;
  const result = await updateIdleTimeoutSettings(db, actor, input).catch(refusalState);
  if ("fieldErrors" in result) return { ...result, values: input };
  revalidatePath("/admin/settings");
  redirect("/admin/settings?saved=idle");
}
