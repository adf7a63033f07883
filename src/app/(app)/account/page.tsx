import { roleHasPermission } from "@/domain/access/permissions";
import { ROLE_LABELS } from "@/domain/types";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList } from "@/components/summary-list";
import { requireActor } from "@/server/access/current-actor";
import { ChangePasswordForm } from "./change-password-form";
import { titled } from "@/components/page-title";

const ROLE_SCOPE: Record<string, string> = {
  PCC_OFFICE: "You see how well the pathway works, as counts only. You never see a person's record.",
  COORDINATOR: "You will see all cases pseudonymised, and a person's identity only through a logged break-glass view.",
  ADMINISTRATOR: "You manage users, agencies and pathway targets. You do not see case records.",
};

async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const passwordChanged = (await searchParams).passwordChanged === "1";
  return (
    <>
      {passwordChanged && <NotificationBanner>Your password has been changed. You have been signed out everywhere else.</NotificationBanner>}
      <h1 className="mb-6 text-4xl font-bold">Your account</h1>
      <SummaryList
        rows={[
          { key: "Name", value: actor.name },
          { key: "Email", value: actor.email },
          { key: "Role", value: ROLE_LABELS[actor.role] },
          { key: "Agency", value: actor.agencyName },
        ]}
      />
      <h2 className="mb-2 text-2xl font-bold">What you can see</h2>
      <p className="max-w-2xl">
        {roleHasPermission(actor.role, "person.list")
          ? "The people your agency works with, and the pathway stages your agency owns."
          : ROLE_SCOPE[actor.role]}
      </p>
      <h2 className="mb-2 mt-10 text-2xl font-bold">Change your password</h2>
      <p className="mb-6 max-w-2xl">Changing it signs you out on every other device and browser.</p>
      <ChangePasswordForm email={actor.email} />
    </>
  );
}

export default titled("Your account", AccountPage);
