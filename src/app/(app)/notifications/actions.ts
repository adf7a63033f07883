"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { readFormFields } from "@/lib/form-data";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { markAllRead } from "@/server/notifications/mark-all-read";
import { markRead } from "@/server/notifications/mark-read";

// Plain forms (they work before any JavaScript has loaded): each action redirects back to the list
// with what happened in the address, and the layout's unread count is rendered again.

export async function markReadAction(formData: FormData): Promise<void> {
  const actor = await requireActor();
  const form = readFormFields(formData);
  if (!form.ok) redirect("/notifications?read=missing");
  let outcome = "one";
  try {
    const result = await markRead(db, actor, form.input);
    if (!result.ok) outcome = "missing";
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
    outcome = "missing";
  }
  revalidatePath("/", "layout");
  redirect(`/notifications?read=${outcome}`);
}

export async function markAllReadAction(): Promise<void> {
  const actor = await requireActor();
  try {
    await markAllRead(db, actor);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    redirect("/notifications?read=missing");
  }
  revalidatePath("/", "layout");
  redirect("/notifications?read=all");
}
