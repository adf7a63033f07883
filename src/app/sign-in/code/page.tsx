import Link from "@/components/link";
import { redirect } from "next/navigation";
import { ServiceHeader } from "@/components/service-header";
import { getActor } from "@/server/access/current-actor";
import { readSignInChallengeCookie } from "@/server/auth/sign-in-challenge-cookie";
import { CodeForm } from "./code-form";
import { titled } from "@/components/page-title";

/** Sign-in's second step. Reached only after a right password, which leaves a challenge cookie. */
async function SignInCodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/");
  if (!(await readSignInChallengeCookie())) redirect("/sign-in");
  const method = (await searchParams).method === "recovery" ? "recovery" : "totp";
  return (
    <>
      <ServiceHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <h1 className="mb-6 text-4xl font-bold">{method === "totp" ? "Enter the code from your authenticator app" : "Enter a recovery code"}</h1>
        <p className="mb-6 max-w-2xl">
          {method === "totp"
            ? "Open the authenticator app on your phone and find Victim Care Pathway."
            : "Use a recovery code if you do not have your phone. After signing in, ask your administrator to reset your authenticator."}
        </p>
        <CodeForm key={method} method={method} />
        <ul className="mt-8 max-w-2xl space-y-3">
          <li>
            {method === "totp" ? (
              <Link href="/sign-in/code?method=recovery">I do not have my phone: use a recovery code</Link>
            ) : (
              <Link href="/sign-in/code">Use a code from my authenticator app</Link>
            )}
          </li>
          <li>
            <Link href="/sign-in">Start again with your email address and password</Link>
          </li>
        </ul>
      </main>
    </>
  );
}

export default titled("Enter your code", SignInCodePage);
