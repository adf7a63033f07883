import "server-only";
import { z } from "zod";
import { roleAgencyMismatchMessage, roleFitsAgency } from "@/domain/accounts/role-agency";
import { CHECK_THE_ANSWERS, invalid, ok, refused, type Result } from "@/domain/result";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { accountFields } from "./account-input";
import { issueActivationLink, type IssuedActivationLink } from "./issue-activation-link";

export const createUserSchema = z.object({
  name: accountFields.name,
  email: accountFields.email,
  role: accountFields.role,
  agencyId: accountFields.agencyId,
});

const EMAIL_TAKEN = "Another account already uses this email address: search for it in the list of users";

/**
 * A new staff account in the administrator's partnership, with no password: the one-time activation
 * link made in the same transaction is how its owner sets one (and enrols a second factor). The link
 * is returned once, for the administrator to pass on; only its hash is stored, and neither goes in
 * the audit row.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ userId: string; name: string; link: IssuedActivationLink }>> {
  await requirePermission(db, actor, "user.manage", { entity: "User" });
  const parsed = createUserSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const agency = await db.agency.findFirst({ where: { id: input.agencyId, partnershipId: actor.partnershipId }, select: { id: true, name: true, kind: true, retiredAt: true } });
  if (!agency) return refused("invalid-input", CHECK_THE_ANSWERS, { agencyId: "Select an agency from the list" });
  if (agency.retiredAt) return refused("agency-retired", CHECK_THE_ANSWERS, { agencyId: `${agency.name} is retired and takes no new staff: select another agency` });
  if (!roleFitsAgency(input.role, agency.kind)) return refused("role-agency-mismatch", CHECK_THE_ANSWERS, { agencyId: roleAgencyMismatchMessage(input.role) });
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return refused("email-taken", CHECK_THE_ANSWERS, { email: EMAIL_TAKEN });
  }

  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, agencyId: agency.id, passwordHash: null, active: true, createdAt: now },
        select: { id: true, name: true },
      });
      const link = await issueActivationLink(tx, { userId: user.id, purpose: "ACTIVATE", issuedById: actor.id }, now);
      await recordAudit(tx, actor, {
        action: "user.create",
        entity: "User",
        entityId: user.id,
        changes: {
          email: { before: null, after: input.email },
          role: { before: null, after: input.role },
          agency: { before: null, after: agency.name },
          active: { before: null, after: true },
          activationLink: { before: null, after: "issued" },
        },
      });
      return ok({ userId: user.id, name: user.name, link });
    });
  } catch (error) {
    // Two administrators adding the same address at once: the unique index decides, with the same words.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return refused("email-taken", CHECK_THE_ANSWERS, { email: EMAIL_TAKEN });
    throw error;
  }
}
