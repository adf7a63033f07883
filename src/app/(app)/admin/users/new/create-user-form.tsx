"use client";

import Link from "@/components/link";
import { useActionState, useState } from "react";
import { IssuedLinkPanel } from "@/components/accounts/issued-link-panel";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, Select, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type LinkFormState } from "@/lib/form-state";
import { createUserAction } from "./actions";

const FIELD_LABELS = { name: "Full name", email: "Email address", role: "Role", agencyId: "Agency" };

type Choices = { roles: { value: string; label: string; hint: string }[]; agencies: { value: string; label: string }[] };

/** Each new user starts a fresh form: "Create another user" drops the last one's state, link and all. */
export function CreateUserForm(choices: Choices) {
  const [round, setRound] = useState(0);
  return <CreateUserRound key={round} {...choices} onAnother={() => setRound((value) => value + 1)} />;
}

function CreateUserRound({ roles, agencies, onAnother }: Choices & { onAnother: () => void }) {
  const [state, formAction] = useActionState<LinkFormState, FormData>(createUserAction, initialFormState);
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : "");

  if (state.link && state.userId) {
    return (
      <>
        <IssuedLinkPanel link={state.link} forName={state.userName} heading={`Account created for ${state.userName}`} />
        <ul className="flex flex-wrap gap-x-8 gap-y-2">
          <li>
            <Link href={`/admin/users/${state.userId}`} className="inline-block py-2 font-bold">
              Go to {state.userName}&apos;s account
            </Link>
          </li>
          <li>
            <button type="button" onClick={onAnother} className="min-h-11 cursor-pointer py-2 font-bold text-link underline">
              Create another user
            </button>
          </li>
          <li>
            <Link href="/admin/users" className="inline-block py-2 font-bold">
              Back to users
            </Link>
          </li>
        </ul>
      </>
    );
  }

  return (
    <form action={formAction} noValidate className="max-w-2xl" aria-label="Create a user">
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} fieldLabels={FIELD_LABELS} />
      <TextField name="name" label="Full name" defaultValue={value("name")} error={state.fieldErrors.name} autoComplete="off" />
      <TextField
        name="email"
        type="email"
        label="Email address"
        hint="Their work address. They sign in with it."
        defaultValue={value("email")}
        error={state.fieldErrors.email}
        autoComplete="off"
      />
      <Radios name="role" legend="Role" hint="What they may do in the app." defaultValue={value("role")} error={state.fieldErrors.role} options={roles} />
      {/* Keyed by the answer sent back: a select keeps its first defaultValue, and React resets the form after each action. */}
      <Select
        key={`agency-${value("agencyId")}`}
        name="agencyId"
        label="Agency"
        hint="Caseworkers and agency leads belong in an agency that works cases; coordinators and administrators in the partnership team; PCC office staff in the PCC office."
        defaultValue={value("agencyId")}
        error={state.fieldErrors.agencyId}
        options={agencies}
      />
      <SubmitButton>Create user</SubmitButton>
    </form>
  );
}
