import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/server/access/current-actor";
import { ServiceHeader } from "@/components/service-header";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  return (
    <>
      <ServiceHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <h1 className="mb-6 text-4xl font-bold">Sign in</h1>
        <p className="mb-6 max-w-2xl">
          Victim Care Pathway is for staff of the partner agencies caring for people rescued from modern slavery. Use the account
          your agency gave you. Every record you open is logged.
        </p>
        <SignInForm />
        <div className="mt-10 max-w-2xl border-t border-line pt-6 text-base">
          <h2 className="mb-2 text-xl font-bold">If someone is in immediate danger</h2>
          <p>Call 999. Modern Slavery Helpline: 08000 121 700. Salvation Army referral line: 0800 808 3733.</p>
        </div>
      </main>
    </>
  );
}
