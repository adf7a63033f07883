import { describe, expect, it } from "vitest";
import { AGENCY_KINDS, ROLES, type AgencyKind, type Role } from "../types";
import { PERMISSION_LABELS, permissionChange } from "../access/permission-labels";
import { PERMISSIONS, ROLE_PERMISSIONS } from "../access/permissions";
import { accountChangeRefusal, type AccountNow } from "./account-guards";
import { accountStatus, needsActivation } from "./account-status";
import { roleAgencyMismatchMessage, roleFitsAgency } from "./role-agency";

describe("which agency a role belongs in", () => {
  // The whole table, written out: the demo seed pairs roles and agencies this way.
  const FITS: Record<Role, AgencyKind[]> = {
    CASEWORKER: ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "SALVATION_ARMY", "VCAS", "CHARITY"],
    AGENCY_LEAD: ["POLICE", "COUNCIL_SAFEGUARDING", "HEALTH", "SALVATION_ARMY", "VCAS", "CHARITY"],
    COORDINATOR: ["PARTNERSHIP"],
    PCC_OFFICE: ["PCC_OFFICE"],
    ADMINISTRATOR: ["PARTNERSHIP"],
  };
  for (const role of ROLES) {
    for (const kind of AGENCY_KINDS) {
      const fits = FITS[role].includes(kind);
      it(`${fits ? "puts" : "refuses"} a ${role} in a ${kind} agency`, () => {
        expect(roleFitsAgency(role, kind)).toBe(fits);
      });
    }
  }

  it("says where the role belongs", () => {
    expect(roleAgencyMismatchMessage("PCC_OFFICE")).toBe("PCC office accounts belong in the PCC office: choose another agency or role");
    expect(roleAgencyMismatchMessage("ADMINISTRATOR")).toBe("Administrator accounts belong in the partnership team: choose another agency or role");
    expect(roleAgencyMismatchMessage("CASEWORKER")).toBe("Caseworker accounts belong in an agency that works cases, such as police or health: choose another agency or role");
  });
});

describe("the guards on changing an account", () => {
  const admin: AccountNow = { id: "admin-1", role: "ADMINISTRATOR", agencyId: "team", active: true };
  const caseworker: AccountNow = { id: "cw-1", role: "CASEWORKER", agencyId: "police", active: true };

  it("refuses an administrator switching off, demoting or moving their own account", () => {
    for (const change of [{ active: false }, { role: "COORDINATOR" as const }, { agencyId: "other-team" }]) {
      expect(accountChangeRefusal({ actorId: admin.id, target: admin, change, activeAdministrators: 3 })?.code).toBe("own-account");
    }
  });

  it("lets an administrator leave their own role and agency as they are", () => {
    expect(accountChangeRefusal({ actorId: admin.id, target: admin, change: { role: "ADMINISTRATOR", agencyId: "team" }, activeAdministrators: 1 })).toBeNull();
  });

  it("refuses switching off or demoting the last active administrator, whoever asks", () => {
    expect(accountChangeRefusal({ actorId: "someone", target: admin, change: { active: false }, activeAdministrators: 1 })?.code).toBe("last-administrator");
    expect(accountChangeRefusal({ actorId: "someone", target: admin, change: { role: "CASEWORKER" }, activeAdministrators: 1 })?.code).toBe(
      "last-administrator",
    );
  });

  it("allows it while another active administrator remains", () => {
    expect(accountChangeRefusal({ actorId: "admin-2", target: admin, change: { active: false }, activeAdministrators: 2 })).toBeNull();
    expect(accountChangeRefusal({ actorId: "admin-2", target: admin, change: { role: "COORDINATOR" }, activeAdministrators: 2 })).toBeNull();
  });

  it("lets the last administrator be moved to another partnership-team agency and switched back on", () => {
    expect(accountChangeRefusal({ actorId: "admin-2", target: admin, change: { agencyId: "team-2" }, activeAdministrators: 1 })).toBeNull();
    const off = { ...admin, active: false };
    expect(accountChangeRefusal({ actorId: "admin-2", target: off, change: { active: true }, activeAdministrators: 0 })).toBeNull();
  });

  it("does not count a switched-off administrator's demotion against the last one", () => {
    const off = { ...admin, active: false };
    expect(accountChangeRefusal({ actorId: "admin-2", target: off, change: { role: "COORDINATOR" }, activeAdministrators: 1 })).toBeNull();
  });

  it("has nothing to say about changes to other roles", () => {
    expect(accountChangeRefusal({ actorId: admin.id, target: caseworker, change: { active: false, role: "AGENCY_LEAD" }, activeAdministrators: 1 })).toBeNull();
  });
});

describe("what a change of role gives and takes away", () => {
  it("lists what a caseworker gains and loses as an agency lead", () => {
    expect(permissionChange("CASEWORKER", "AGENCY_LEAD")).toEqual({
      gains: ["stage.assign", "team.view", "person.access_log", "case.close", "case.reopen"],
      loses: [],
      keeps: PERMISSIONS.filter((permission) => ROLE_PERMISSIONS.CASEWORKER.includes(permission)),
    });
  });

  it("takes every case permission away from a lead made administrator", () => {
    const change = permissionChange("AGENCY_LEAD", "ADMINISTRATOR");
    expect(change.loses).toContain("person.view");
    expect(change.gains).toEqual(["audit.view", "break_glass.review", "admin.manage", "user.manage"]);
    expect(change.keeps).toEqual([]);
  });

  it("changes nothing for the same role", () => {
    expect(permissionChange("COORDINATOR", "COORDINATOR")).toMatchObject({ gains: [], loses: [] });
  });

  it("has plain words for every permission", () => {
    for (const permission of PERMISSIONS) expect(PERMISSION_LABELS[permission]).toMatch(/^[A-Z][^.]+$/);
  });
});

describe("an account's status", () => {
  it("reads switched off before anything else", () => {
    expect(accountStatus({ active: false, hasPassword: true, totpEnrolled: true })).toBe("switched-off");
  });
  it("reads a new account as not yet activated, and one with a reset password as waiting for it", () => {
    expect(accountStatus({ active: true, hasPassword: false, totpEnrolled: false })).toBe("not-activated");
    expect(accountStatus({ active: true, hasPassword: false, totpEnrolled: true })).toBe("password-reset");
    expect(accountStatus({ active: true, hasPassword: true, totpEnrolled: false })).toBe("active");
  });
  it("offers a fresh activation link only to an account with neither password nor second factor", () => {
    expect(needsActivation({ hasPassword: false, totpEnrolled: false })).toBe(true);
    expect(needsActivation({ hasPassword: false, totpEnrolled: true })).toBe(false);
    expect(needsActivation({ hasPassword: true, totpEnrolled: false })).toBe(false);
  });
});
