import { AGENCY_KIND_LABELS, ROLE_LABELS, type AgencyKind, type Role } from "../types";

/** Agencies whose staff work cases: they own stages and answer referrals. */
const CASEWORK_AGENCIES: readonly AgencyKind[] = ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "SALVATION_ARMY", "VCAS", "CHARITY"];

/**
 * Which kinds of agency each role belongs in, as the demo partnership pairs them: caseworkers and
 * leads in an agency that works cases, coordinators and administrators in the partnership team, PCC
 * office staff in the PCC's office. A caseworker "in" the PCC office would see cases the office must
 * never see; an administrator in the police would read as police in the audit log.
 */
export const AGENCY_KINDS_FOR_ROLE: Record<Role, readonly AgencyKind[]> = {
  CASEWORKER: CASEWORK_AGENCIES,
  AGENCY_LEAD: CASEWORK_AGENCIES,
  COORDINATOR: ["PARTNERSHIP"],
  PCC_OFFICE: ["PCC_OFFICE"],
  ADMINISTRATOR: ["PARTNERSHIP"],
};

export function roleFitsAgency(role: Role, kind: AgencyKind): boolean {
  return AGENCY_KINDS_FOR_ROLE[role].includes(kind);
}

/** The message beside the agency field when the pair does not fit: says where the role belongs. */
export function roleAgencyMismatchMessage(role: Role): string {
  const kinds = AGENCY_KINDS_FOR_ROLE[role];
  const where =
    kinds.length === 1 ? `the ${AGENCY_KIND_LABELS[kinds[0]!].replace(/^Partnership/, "partnership")}` : "an agency that works cases, such as police or health";
  return `${ROLE_LABELS[role]} accounts belong in ${where}: choose another agency or role`;
}
