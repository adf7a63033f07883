// Demo sign-ins, printed by `npm run demo` and the README. For the demo database only.
export const DEMO_PASSWORD = "demo-pathway-2026";
/**
 * The TOTP secret (base32) of every demo and test account, published on purpose: `npm run demo:code`
 * prints its current code, and the e2e helper signs in with it. Never a real account's.
 */
export const DEMO_TOTP_SECRET = "VCPDEMOTOTPSECRETFORTHEDEMOONLYA";

export type DemoAccount = {
  email: string;
  name: string;
  role: "CASEWORKER" | "AGENCY_LEAD" | "COORDINATOR" | "PCC_OFFICE" | "ADMINISTRATOR";
  agencyKind: "POLICE" | "COUNCIL_SAFEGUARDING" | "HEALTH" | "SALVATION_ARMY" | "VCAS" | "PCC_OFFICE" | "PARTNERSHIP";
  agencyName: string;
};

export const DEMO_AGENCIES = {
  POLICE: "Teesmoor Police",
  COUNCIL_SAFEGUARDING: "Teesmoor Council Safeguarding",
  HEALTH: "Teesmoor NHS Health",
  SALVATION_ARMY: "Salvation Army (Teesmoor)",
  VCAS: "Teesmoor Victim Care and Advice Service",
  PCC_OFFICE: "Office of the Teesmoor PCC",
  PARTNERSHIP: "Teesmoor Anti-Slavery Partnership team",
} as const;

const account = (
  email: string,
  name: string,
  role: DemoAccount["role"],
  agencyKind: DemoAccount["agencyKind"],
): DemoAccount => ({ email, name, role, agencyKind, agencyName: DEMO_AGENCIES[agencyKind] });

export const DEMO_ACCOUNTS: DemoAccount[] = [
  account("police.caseworker@demo.example", "Demo Police Caseworker", "CASEWORKER", "POLICE"),
  account("police.lead@demo.example", "Demo Police Lead", "AGENCY_LEAD", "POLICE"),
  account("council.caseworker@demo.example", "Demo Council Caseworker", "CASEWORKER", "COUNCIL_SAFEGUARDING"),
  account("council.caseworker2@demo.example", "Demo Council Caseworker Two", "CASEWORKER", "COUNCIL_SAFEGUARDING"),
  account("council.lead@demo.example", "Demo Council Lead", "AGENCY_LEAD", "COUNCIL_SAFEGUARDING"),
  account("health.caseworker@demo.example", "Demo Health Caseworker", "CASEWORKER", "HEALTH"),
  account("health.lead@demo.example", "Demo Health Lead", "AGENCY_LEAD", "HEALTH"),
  account("salvationarmy.caseworker@demo.example", "Demo Salvation Army Caseworker", "CASEWORKER", "SALVATION_ARMY"),
  account("salvationarmy.caseworker2@demo.example", "Demo Salvation Army Caseworker Two", "CASEWORKER", "SALVATION_ARMY"),
  account("salvationarmy.lead@demo.example", "Demo Salvation Army Lead", "AGENCY_LEAD", "SALVATION_ARMY"),
  account("vcas.caseworker@demo.example", "Demo VCAS Caseworker", "CASEWORKER", "VCAS"),
  account("vcas.lead@demo.example", "Demo VCAS Lead", "AGENCY_LEAD", "VCAS"),
  account("coordinator@demo.example", "Demo Partnership Coordinator", "COORDINATOR", "PARTNERSHIP"),
  account("pcc@demo.example", "Demo PCC Office Analyst", "PCC_OFFICE", "PCC_OFFICE"),
  account("admin@demo.example", "Demo Administrator", "ADMINISTRATOR", "PARTNERSHIP"),
];
