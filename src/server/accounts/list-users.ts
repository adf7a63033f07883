import "server-only";
import { containsLiterally } from "../db/contains-literally";
import { z } from "zod";
import { accountStatus, type AccountStatus } from "@/domain/accounts/account-status";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { invalid, ok, type Result } from "@/domain/result";
import { ROLES, type Role } from "@/domain/types";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { manageableUsers } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";

export const USERS_PAGE_SIZE = 25;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const userSearchSchema = z.object({
  q: optional(typedText({ error: "Enter a name or email address to search for" }).trim().max(100, "Enter 100 characters or fewer")),
  role: optional(z.enum(ROLES, { error: "Select a role from the list" })),
  agency: optional(z.uuid({ error: "Select an agency from the list" })),
  status: optional(z.enum(["on", "off"], { error: "Select switched on or switched off" })),
  page: z.preprocess(blankToUndefined, wholeNumber("Page not found", z.number().min(1, "Page not found").max(100_000, "Page not found")).default(1)),
});

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyName: string;
  status: AccountStatus;
  secondFactor: boolean;
};

export type UserPage = { rows: UserRow[]; total: number; page: number; pageCount: number };

/**
 * The administrator's partnership's staff accounts, by name, 25 a page, with the total: searched by
 * part of a name or email address, filtered by role, agency and switched on or off.
 */
export async function listUsers(db: Db, actor: Actor, rawInput: unknown): Promise<Result<UserPage>> {
  await requirePermission(db, actor, "user.manage", { entity: "User" });
  const parsed = userSearchSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { q, role, agency, status, page } = parsed.data;

  const where: Prisma.UserWhereInput = {
    AND: [
      manageableUsers(actor),
      q ? { OR: [{ name: containsLiterally(q) }, { email: containsLiterally(q) }] } : {},
      role ? { role } : {},
      agency ? { agencyId: agency } : {},
      status ? { active: status === "on" } : {},
    ],
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, active: true, passwordHash: true, totpEnrolledAt: true, agency: { select: { name: true } } },
    }),
  ]);
  await recordAudit(db, actor, { action: "user.list", entity: "User" });
  return ok({
    rows: users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      agencyName: user.agency.name,
      status: accountStatus({ active: user.active, hasPassword: user.passwordHash !== null, totpEnrolled: user.totpEnrolledAt !== null }),
      secondFactor: user.totpEnrolledAt !== null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
  });
}

/** The filters as the form shows them back. */
export function userSearchFormValues(rawInput: Record<string, unknown>): Record<string, string> {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return { q: text(rawInput.q), role: text(rawInput.role), agency: text(rawInput.agency), status: text(rawInput.status) };
}
