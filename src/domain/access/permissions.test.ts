import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../types";
import { PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission, type Permission } from "./permissions";

// The whole role table, written out: any change to who may do what must change this test too.
const EXPECTED: Record<Role, Permission[]> = {
  CASEWORKER: [
    "rescue.log", "person.list", "person.view", "stage.update", "stage.claim", "stage.refer", "referral.answer",
    "queue.view", "note.add", "accommodation.record", "person.correct", "person.assess_age", "person.link_dependant", "person.safety_flags", "consent.record", "nrm.record", "duty_to_notify.record", "notification.read", "contact.record", "chronology.produce",
  ],
  AGENCY_LEAD: [
    "rescue.log", "person.list", "person.view", "stage.update", "stage.claim", "stage.refer", "referral.answer",
    "queue.view", "note.add", "accommodation.record", "person.correct", "person.assess_age", "person.link_dependant", "person.safety_flags", "consent.record", "nrm.record", "duty_to_notify.record", "notification.read", "contact.record", "chronology.produce",
    "stage.assign", "team.view", "person.access_log", "case.close", "case.reopen",
  ],
  COORDINATOR: ["case.view_pseudonymised", "case.break_glass", "notification.read", "dashboard.view", "case.close", "case.reopen", "possible_match.review", "possible_match.undo"],
  PCC_OFFICE: ["notification.read", "dashboard.view"],
  ADMINISTRATOR: ["audit.view", "break_glass.review", "admin.manage", "user.manage"],
};

describe("roleHasPermission", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const expected = EXPECTED[role].includes(permission);
      it(`${expected ? "allows" : "denies"} ${role} ${permission}`, () => {
        expect(roleHasPermission(role, permission)).toBe(expected);
      });
    }
  }

  it.each<Role>(["CASEWORKER", "AGENCY_LEAD"])("lets a %s log rescues and update stages", (role) => {
    expect(roleHasPermission(role, "rescue.log")).toBe(true);
    expect(roleHasPermission(role, "stage.update")).toBe(true);
  });

  it.each<Role>(["PCC_OFFICE", "ADMINISTRATOR"])("never lets %s list or view people", (role) => {
    expect(roleHasPermission(role, "person.list")).toBe(false);
    expect(roleHasPermission(role, "person.view")).toBe(false);
  });

  it("keeps the administrator out of case content and the dashboard", () => {
    for (const permission of ROLE_PERMISSIONS.ADMINISTRATOR) {
      expect(permission).not.toMatch(/^(person|case|stage|note|accommodation|referral|queue|dashboard)\./);
    }
  });

  it("denies a permission that is not in the catalogue", () => {
    expect(roleHasPermission("AGENCY_LEAD", "person.delete" as Permission)).toBe(false);
    expect(roleHasPermission("CASEWORKER", "" as Permission)).toBe(false);
  });

  it("lists only catalogued permissions for every role", () => {
    for (const role of ROLES) {
      for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
    }
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });
});
