import { redirect } from "next/navigation";
import { roleHasPermission } from "@/domain/access/permissions";
import { requireActor } from "@/server/access/current-actor";

export default async function HomePage() {
  const actor = await requireActor();
  // Each role starts where its work is.
  if (roleHasPermission(actor.role, "queue.view")) redirect("/queue");
  if (roleHasPermission(actor.role, "case.view_pseudonymised")) redirect("/cases");
  if (roleHasPermission(actor.role, "dashboard.view")) redirect("/dashboard");
  if (roleHasPermission(actor.role, "audit.view")) redirect("/admin/audit");
  redirect("/account");
}
