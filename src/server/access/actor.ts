import "server-only";
import type { AgencyKind, Role } from "@/domain/types";

/** The signed-in user, as every use case receives it. Loaded from the database on each request. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  agencyKind: AgencyKind;
  partnershipId: string;
};
