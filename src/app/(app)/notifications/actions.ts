"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import { db } from "@/server/db/client";
import { markAllRead } from "@/server/notifications/mark-all-read";
import { markRead } from "@/server/notifications/mark-read";

// Plain forms (they work before any JavaScript has loaded): each action redirects back to the list
// with what happened in the address, and the layout's unread count is rendered again. A notice that
// is not the user's, or a form that cannot be read, reads as "missing".

export async function markReadAction(formData: FormData): Promise<void> {
  const result = await runFormUseCase(formData, (actor, input) => markRead(db, actor, input));
  if (result.ok) revalidatePath("/", "layout");
  redirect(`/notifications?read=${result.ok ? "one" : "missing"}`);
}

export async function markAllReadAction(): Promise<void> {
  const result = await runFormUseCase(null, (actor) => markAllRead(db, actor));
  if (result.ok) revalidatePath("/", "layout");
  redirect(`/notifications?read=${result.ok ? "all" : "missing"}`);
}
