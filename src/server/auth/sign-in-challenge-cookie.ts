import "server-only";
import { cookies, headers } from "next/headers";
import { SIGN_IN_CHALLENGE_MINUTES } from "./begin-sign-in";

// Holds the challenge between the password and the code. It signs nobody in and reads nothing: the
// server redeems it once, with a right code, within a few minutes. Sent only to the sign-in pages.
const NAME = "vcp-sign-in-challenge";
const PATH = "/sign-in";

/** Over https the cookie is Secure; the demo and tests serve plain http on 127.0.0.1. */
export async function requestIsHttps(): Promise<boolean> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? (h.get("origin")?.startsWith("https:") ? "https" : null);
  return proto === "https";
}

export async function setSignInChallengeCookie(challenge: string): Promise<void> {
  (await cookies()).set(NAME, challenge, {
    httpOnly: true,
    sameSite: "strict",
    secure: await requestIsHttps(),
    path: PATH,
    maxAge: SIGN_IN_CHALLENGE_MINUTES * 60,
  });
}

export async function readSignInChallengeCookie(): Promise<string | null> {
  return (await cookies()).get(NAME)?.value || null;
}

export async function clearSignInChallengeCookie(): Promise<void> {
  (await cookies()).set(NAME, "", { httpOnly: true, sameSite: "strict", path: PATH, maxAge: 0 });
}
