import { redirect } from "next/navigation";
import { MAX_IDLE_TIMEOUT_MINUTES, MIN_IDLE_TIMEOUT_MINUTES } from "@/domain/session/session-lifetime";
import { getActor } from "@/server/access/current-actor";
import { ServiceHeader } from "@/components/service-header";
import { SignInForm } from "./sign-in-form";
import { titled } from "@/components/page-title";

async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/");
  const signedOutBecause = whySignedOut(await searchParams);
  return (
    <>
      <ServiceHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        {signedOutBecause && (
          <div role="status" data-testid="signed-out-reason" className="mb-8 max-w-2xl border-l-8 border-link bg-panel p-4 text-lg font-bold">
            {signedOutBecause}
          </div>
        )}
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

/**
 * The timeout warning sends here when a session ends (src/components/session/session-timeout.tsx),
 * and the activation pages when an account is ready (`ready=1`).
 * Only words we wrote are shown: the minutes must be digits within the settings' bounds.
 */
function whySignedOut(params: Record<string, string | string[] | undefined>): string | null {
  if (params.ready === "1") return "Your account is ready. Sign in with your email address, your password and a code from your authenticator app.";
  if (params.expired === "1") return "You were signed out because you had been signed in for 8 hours, the longest a session can last.";
  const minutes = typeof params.timedOut === "string" && /^\d{1,3}$/.test(params.timedOut) ? Number(params.timedOut) : NaN;
  if (minutes >= MIN_IDLE_TIMEOUT_MINUTES && minutes <= MAX_IDLE_TIMEOUT_MINUTES) {
    return `You were signed out because you were inactive for ${minutes} minutes.`;
  }
  return null;
}

export default titled("Sign in", SignInPage);
