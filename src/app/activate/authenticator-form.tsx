"use client";

import Link from "@/components/link";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { confirmAuthenticatorAction, type EnrolmentState } from "./actions";

const initial: EnrolmentState = { fieldErrors: {} };

/** The QR code and secret (drawn on the server, passed in), the confirming code, then the recovery codes once. */
export function AuthenticatorForm({ setUp }: { setUp: ReactNode }) {
  const [state, formAction] = useActionState(confirmAuthenticatorAction, initial);
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} />;
  return (
    <>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      {setUp}
      <form action={formAction} noValidate>
        <TextField
          name="code"
          label="Code from your authenticator app"
          hint="Enter the 6-digit code the app now shows for Victim Care Pathway."
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          width="max-w-40"
          error={state.fieldErrors.code}
        />
        <SubmitButton>Confirm code</SubmitButton>
      </form>
    </>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1} className="mb-4 text-3xl font-bold focus:outline-none">
        Save your recovery codes
      </h2>
      <p className="mb-4 max-w-2xl">
        If you lose your phone, each of these codes lets you sign in once instead of a code from the app. This is the only time
        they are shown. Write them down or print this page, and keep them somewhere safe, away from your phone.
      </p>
      <ol data-testid="recovery-codes" className="mb-6 grid max-w-md list-decimal gap-2 pl-8 font-mono text-xl sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Link href="/sign-in?ready=1" className="inline-block min-h-11 bg-success px-4 py-2 text-lg font-bold text-white no-underline shadow-[0_2px_0_#002d18]">
        I have saved my recovery codes: continue to sign in
      </Link>
    </section>
  );
}
