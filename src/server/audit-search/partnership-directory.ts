import "server-only";
import { agencyDisplayName } from "@/domain/agencies/agency-details";
import type { Role } from "@/domain/types";
import type { Db } from "../db/create-client";

export type DirectoryUser = { id: string; name: string; role: Role; agencyId: string };
export type DirectoryAgency = { id: string; name: string };

/** Every user (switched off too) and agency of one partnership: who may appear in its audit log. */
export async function partnershipDirectory(db: Db, partnershipId: string) {
  const agencies = await db.agency.findMany({
    where: { partnershipId },
    select: { id: true, name: true, retiredAt: true, users: { select: { id: true, name: true, role: true, agencyId: true }, orderBy: { name: "asc" } } },
    orderBy: { name: "asc" },
  });
  const users: DirectoryUser[] = agencies.flatMap((agency) => agency.users).sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return {
    agencies: agencies.map((agency): DirectoryAgency => ({ id: agency.id, name: agencyDisplayName(agency) })),
    users,
    userById: new Map(users.map((user) => [user.id, user])),
    agencyById: new Map(agencies.map((agency) => [agency.id, agencyDisplayName(agency)])),
  };
}
