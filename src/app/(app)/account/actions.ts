"use server";

import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { changeOwnPassword } from "@/server/accounts/change-own-password";
import { clientAddressOfCurrentRequest } from "@/server/auth/request-client-address";
import { getCurrentSession } from "@/server/auth/session";
import { db } from "@/server/db/client";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, async (actor, input) =>
    changeOwnPassword(db, actor, input, {
      clientAddress: await clientAddressOfCurrentRequest(),
      sessionId: (await getCurrentSession())?.sessionId ?? "",
    }),
  );
  // Passwords are never sent back to the form, not even to the person who typed them.
  if (!result.ok) return { ...result.state, values: undefined };
  redirect("/account?passwordChanged=1");
}
