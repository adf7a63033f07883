import { redirect } from "next/navigation";
import { roleHasPermission } from "@/domain/access/permissions";
import { requireActor } from "@/server/access/current-actor";

export default async function HomePage() {
  const actor = await requireActor();
  redirect(roleHasPermission(actor.role, "person.list") ? "/people" : "/account");
}
