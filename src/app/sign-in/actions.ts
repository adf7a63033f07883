"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/server/auth/auth";
import type { FormState } from "@/lib/form-state";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address").email("Enter an email address like name@agency.gov.uk"),
  password: z.string().min(1, "Enter your password"),
});

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = schema.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { fieldErrors, values };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    // Same words whether the account exists or not.
    if (error instanceof AuthError) {
      return { fieldErrors: {}, formError: "The email address or password is not right. Check them and try again.", values };
    }
    throw error;
  }
  return { fieldErrors: {} };
}
