"use server";

import { getActor } from "@/server/access/current-actor";
import { recordAudit } from "@/server/audit/record-audit";
import { signOut } from "@/server/auth/auth";
import { db } from "@/server/db/client";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await recordAudit(db, actor, { action: "auth.sign_out", entity: "User", entityId: actor.id });
  await signOut({ redirectTo: "/sign-in" });
}
