"use client";

import { useActionState } from "react";
import { IssuedLinkPanel } from "@/components/accounts/issued-link-panel";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormAction, type LinkFormState } from "@/lib/form-state";
import { reissueActivationLinkAction, resetPasswordAction, resetSecondFactorAction, switchUserActiveAction } from "./actions";

type Account = { userId: string; version: number; name: string };

const LINK_ACTIONS = {
  password: { action: resetPasswordAction, button: "Reset password", heading: "Password reset" },
  "second-factor": { action: resetSecondFactorAction, button: "Reset second factor", heading: "Second factor reset" },
  activation: { action: reissueActivationLinkAction, button: "Make a new activation link", heading: "New activation link made" },
} as const;

/**
 * A button that makes a one-time link, and the link, shown once, when it comes back. Always rendered
 * (with `offered` saying whether its button applies), so that the page re-rendering after the change
 * (a reset can turn the account into one that needs activating) keeps the link on screen.
 */
export function AccountLinkForm({
  account,
  kind,
  offered,
  children,
}: {
  account: Account;
  kind: keyof typeof LINK_ACTIONS;
  offered: boolean;
  children: React.ReactNode;
}) {
  const { action, button, heading } = LINK_ACTIONS[kind];
  const [state, formAction] = useActionState<LinkFormState, FormData>(action, initialFormState);
  if (!offered && !state.link) return null;
  return (
    <div className="mb-8">
      {state.link && <IssuedLinkPanel link={state.link} forName={account.name} heading={heading} />}
      {offered && (
        <form action={formAction} noValidate aria-label={`${button} for ${account.name}`}>
          <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
          <div className="mb-4 max-w-2xl">{children}</div>
          <input type="hidden" name="userId" value={account.userId} />
          <input type="hidden" name="version" value={account.version} />
          <SubmitButton variant="warning">
            {button}
            <span className="sr-only"> for {account.name}</span>
          </SubmitButton>
        </form>
      )}
    </div>
  );
}

export function SwitchActiveForm({ account, active }: { account: Account; active: boolean }) {
  const [state, formAction] = useActionState(switchUserActiveAction as FormAction, initialFormState);
  const label = active ? "Switch off" : "Switch on";
  return (
    <form action={formAction} noValidate className="mb-8" aria-label={`${label} ${account.name}'s account`}>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} />
      <p className="mb-4 max-w-2xl">
        {active
          ? "They are signed out everywhere at once and cannot sign in until the account is switched on again. Their records and history stay."
          : "They can sign in again with their password and second factor."}
      </p>
      <input type="hidden" name="userId" value={account.userId} />
      <input type="hidden" name="version" value={account.version} />
      <input type="hidden" name="active" value={active ? "off" : "on"} />
      <SubmitButton variant={active ? "warning" : "primary"}>
        {label}
        <span className="sr-only"> {account.name}&apos;s account</span>
      </SubmitButton>
    </form>
  );
}
