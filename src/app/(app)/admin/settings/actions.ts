"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { updateContactGapSettings } from "@/server/admin/contact-gap-settings";
import { updateEscalationSettings } from "@/server/admin/escalation-settings";
import { updateIdleTimeoutSettings } from "@/server/admin/idle-timeout";
import { updateSuppressionSettings } from "@/server/admin/suppression-threshold";
import { db } from "@/server/db/client";

export async function updateEscalationSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => updateEscalationSettings(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/settings");
  redirect("/admin/settings?saved=1");
}

export async function updateSuppressionSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => updateSuppressionSettings(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/settings");
  redirect("/admin/settings?saved=threshold");
}

export async function updateIdleTimeoutSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => updateIdleTimeoutSettings(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/settings");
  redirect("/admin/settings?saved=idle");
}

export async function updateContactGapSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => updateContactGapSettings(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/settings");
  redirect("/admin/settings?saved=contact");
}
