"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import { issuedLinkView } from "@/app/_lib/issued-link";
import type { FormState, LinkFormState } from "@/lib/form-state";
import { changeUserAccess } from "@/server/accounts/change-user-access";
import { reissueActivationLink } from "@/server/accounts/reissue-activation-link";
import { resetUserPassword } from "@/server/accounts/reset-user-password";
import { resetUserSecondFactor } from "@/server/accounts/reset-user-second-factor";
import { switchUserActive } from "@/server/accounts/switch-user-active";
import { db } from "@/server/db/client";

export async function switchUserActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => switchUserActive(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/users");
  redirect(`/admin/users/${result.data.userId}?done=${result.data.active ? "on" : "off"}`);
}

export async function changeUserAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => changeUserAccess(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/users");
  redirect(`/admin/users/${result.data.userId}?done=access`);
}

// The three below hand a one-time link back to this response only: it is in no address and no log.
export async function resetPasswordAction(_previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const result = await runFormUseCase(formData, (actor, input) => resetUserPassword(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/users/${result.data.userId}`);
  return { fieldErrors: {}, link: await issuedLinkView(result.data.link, result.data.purpose), userId: result.data.userId };
}

export async function resetSecondFactorAction(_previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const result = await runFormUseCase(formData, (actor, input) => resetUserSecondFactor(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/users/${result.data.userId}`);
  return { fieldErrors: {}, link: await issuedLinkView(result.data.link, result.data.purpose), userId: result.data.userId };
}

export async function reissueActivationLinkAction(_previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const result = await runFormUseCase(formData, (actor, input) => reissueActivationLink(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath(`/admin/users/${result.data.userId}`);
  return { fieldErrors: {}, link: await issuedLinkView(result.data.link, "ACTIVATE"), userId: result.data.userId };
}
