"use client";

import { useFormStatus } from "react-dom";

/** Disabled while the form is being sent, so a double click sends it once. */
export function SubmitButton({ children, variant = "primary" }: { children: React.ReactNode; variant?: "primary" | "secondary" | "warning" }) {
  const { pending } = useFormStatus();
  const colours = {
    primary: "bg-success text-white shadow-[0_2px_0_#002d18]",
    secondary: "bg-panel text-ink shadow-[0_2px_0_#929191]",
    warning: "bg-danger text-white shadow-[0_2px_0_#55150b]",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`min-h-11 px-4 py-2 text-lg font-bold ${colours} disabled:opacity-60`}
    >
      {pending ? "Saving…" : children}
    </button>
  );
}
