import { notFound } from "next/navigation";
import { secretInGroups } from "@/domain/auth/totp-steps";
import { QrCode } from "@/components/auth/qr-code";
import { ServiceHeader } from "@/components/service-header";
import { readActivationToken } from "@/server/accounts/activation-cookie";
import { pendingTotpSecretFor } from "@/server/accounts/confirm-authenticator";
import { findUsableActivationLink, nextActivationStep } from "@/server/accounts/get-activation-link";
import { totpKeyUri } from "@/server/auth/totp";
import { db } from "@/server/db/client";
import { AuthenticatorForm } from "./authenticator-form";
import { PasswordForm } from "./password-form";
import { titled } from "@/components/page-title";

const TITLES = {
  ACTIVATE: "Set up your account",
  RESET_PASSWORD: "Choose a new password",
  RESET_SECOND_FACTOR: "Set up your authenticator app again",
} as const;

/** Where an activation or reset link lands (through /activate/<token>, which stores the token). */
async function ActivatePage() {
  const link = await findUsableActivationLink(db, await readActivationToken(), new Date());
  if (!link) notFound();
  const step = nextActivationStep(link);
  return (
    <>
      <ServiceHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        {link.purpose === "ACTIVATE" && (
          <p className="mb-2 text-lg text-muted">Step {step === "password" ? 1 : 2} of 2</p>
        )}
        <h1 className="mb-6 text-4xl font-bold">{step === "password" ? TITLES[link.purpose] : link.purpose === "ACTIVATE" ? "Set up your authenticator app" : TITLES[link.purpose]}</h1>
        <p className="mb-6 max-w-2xl">
          Account: <span className="break-all font-bold">{link.email}</span>
        </p>
        {step === "password" ? <PasswordForm email={link.email} /> : <AuthenticatorForm setUp={await AuthenticatorSetUp({ link })} />}
      </main>
    </>
  );
}

async function AuthenticatorSetUp({ link }: { link: Parameters<typeof pendingTotpSecretFor>[1] }) {
  const secret = await pendingTotpSecretFor(db, link);
  return (
    <>
      <p className="mb-4 max-w-2xl">
        Every time you sign in you will also enter a code from an authenticator app on your phone, such as Microsoft Authenticator
        or Google Authenticator. In the app, add an account, then scan this QR code.
      </p>
      <div className="mb-6">
        <QrCode text={totpKeyUri(link.email, secret)} label="QR code to add Victim Care Pathway to your authenticator app" />
      </div>
      <h2 className="mb-2 text-xl font-bold">If you cannot scan the QR code</h2>
      <p className="mb-2 max-w-2xl">Choose to enter a key in the app, and type this key. Spaces do not matter.</p>
      <p data-testid="totp-secret" className="mb-8 max-w-md break-words border-l-4 border-line bg-panel p-4 font-mono text-xl">
        {secretInGroups(secret)}
      </p>
    </>
  );
}

export default titled("Set up your account", ActivatePage);
