// The demo partnership, its agencies, pathway template and sign-in accounts.
import type { PathwayStageTemplate } from "../../src/generated/prisma/client";
import type { Db } from "../../src/server/db/create-client";
import type { AgencyKind, Role } from "../../src/domain/types";
import { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_PASSWORD } from "../demo-accounts";
import { createPartnership, createUser } from "../factories";
import type { Doer } from "./stages";

export const DEMO_SLUG = "teesmoor";
export const DEMO_PARTNERSHIP_NAME = "Teesmoor Anti-Slavery Partnership";

export type StaffMember = { id: string; agencyId: string; role: Role };

export type DemoOrg = {
  partnershipId: string;
  template: { id: string; stages: PathwayStageTemplate[] };
  agencyIds: Record<AgencyKind, string>;
  /** The caseworker and lead of each agency that works cases. */
  staff: Partial<Record<AgencyKind, Record<Doer, StaffMember>>>;
};

export async function createDemoOrg(db: Db): Promise<DemoOrg> {
  const { partnership, agencies, template } = await createPartnership(db, {
    name: DEMO_PARTNERSHIP_NAME,
    slug: DEMO_SLUG,
    agencyNames: DEMO_AGENCIES,
  });
  const agencyIds = Object.fromEntries(Object.entries(agencies).map(([kind, agency]) => [kind, agency.id])) as Record<AgencyKind, string>;

  const staff: DemoOrg["staff"] = {};
  // One at a time: each hash takes a noticeable fraction of a second and a whole CPU core.
  for (const account of DEMO_ACCOUNTS) {
    const agencyId = agencyIds[account.agencyKind];
    const user = await createUser(db, { agencyId, role: account.role, email: account.email, name: account.name, password: DEMO_PASSWORD });
    if (account.role === "CASEWORKER" || account.role === "AGENCY_LEAD") {
      const members = (staff[account.agencyKind] ??= {} as Record<Doer, StaffMember>);
      // The first of each role is the one the seed acts as.
      members[account.role] ??= { id: user.id, agencyId, role: user.role };
    }
  }
  return { partnershipId: partnership.id, template, agencyIds, staff };
}

/** The demo staff member of this very agency (not of its kind: a partnership may have several of one kind). */
export function staffOfAgency(org: DemoOrg, agencyId: string, doer: Doer): StaffMember {
  const members = Object.values(org.staff).find((byDoer) => byDoer && Object.values(byDoer).some((member) => member.agencyId === agencyId));
  const member = members?.[doer] ?? members?.CASEWORKER;
  if (!member || member.agencyId !== agencyId) throw new Error(`No demo caseworker for agency ${agencyId}: add one to DEMO_ACCOUNTS`);
  return member;
}

export function staffMember(org: DemoOrg, kind: AgencyKind, doer: Doer): StaffMember {
  const member = org.staff[kind]?.[doer] ?? org.staff[kind]?.CASEWORKER;
  if (!member) throw new Error(`No demo caseworker for ${kind}: add one to DEMO_ACCOUNTS`);
  return member;
}
