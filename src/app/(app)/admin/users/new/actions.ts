"use server";

import { revalidatePath } from "next/cache";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import { issuedLinkView } from "@/app/_lib/issued-link";
import type { LinkFormState } from "@/lib/form-state";
import { createUser } from "@/server/accounts/create-user";
import { db } from "@/server/db/client";

/** Creates the account and hands its activation link back to this response only: no redirect, so the link is in no address. */
export async function createUserAction(_previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const result = await runFormUseCase(formData, (actor, input) => createUser(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/admin/users");
  return { fieldErrors: {}, link: await issuedLinkView(result.data.link, "ACTIVATE"), userName: result.data.name, userId: result.data.userId };
}
