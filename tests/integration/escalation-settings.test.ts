import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { getEscalationSettings, updateEscalationSettings } from "../../src/server/admin/escalation-settings";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError } from "../../src/server/errors";
import { createWorld, type World } from "../support/world";

const db = createPrismaClient();
let world: World;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld(db, "settings");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("escalation settings", () => {
  it("shows the defaults in hours and saves new thresholds for the administrator's partnership only, audited", async () => {
    const other = await createWorld(db, "settings-other");
    expect(await getEscalationSettings(db, admin)).toEqual({ coordinatorAfterHours: 4, pccAfterHours: 24 });

    const saved = await updateEscalationSettings(db, admin, { coordinatorAfterHours: "2", pccAfterHours: "12" });

    expect(saved).toEqual({ ok: true, data: { coordinatorAfterHours: 2, pccAfterHours: 12 } });
    const stored = await db.partnership.findUniqueOrThrow({ where: { id: world.partnership.id } });
    expect([stored.escalateToCoordinatorAfterMinutes, stored.escalateToPccAfterMinutes]).toEqual([120, 720]);
    const untouched = await db.partnership.findUniqueOrThrow({ where: { id: other.partnership.id } });
    expect([untouched.escalateToCoordinatorAfterMinutes, untouched.escalateToPccAfterMinutes]).toEqual([240, 1440]);
    expect(await db.auditEvent.count({ where: { userId: admin.id, action: "settings.update", entityId: world.partnership.id } })).toBe(1);
  });

  it("refuses bad values with a message on the field, and changes nothing", async () => {
    const before = await getEscalationSettings(db, admin);
    expect(await updateEscalationSettings(db, admin, { coordinatorAfterHours: "6", pccAfterHours: "3" })).toMatchObject({
      ok: false,
      fieldErrors: { pccAfterHours: "The PCC office must be told later than the coordinator" },
    });
    expect(await updateEscalationSettings(db, admin, { coordinatorAfterHours: "1.5", pccAfterHours: "" })).toMatchObject({
      ok: false,
      fieldErrors: { coordinatorAfterHours: "Enter the coordinator's escalation as a whole number of hours" },
    });
    expect(await getEscalationSettings(db, admin)).toEqual(before);
  });

  it.each(["CASEWORKER", "AGENCY_LEAD"] as const)("is refused to a %s", async (role) => {
    const lead = await world.actor("COUNCIL_SAFEGUARDING", role);
    await expect(updateEscalationSettings(db, lead, { coordinatorAfterHours: 1, pccAfterHours: 2 })).rejects.toThrow(ForbiddenError);
    await expect(getEscalationSettings(db, lead)).rejects.toThrow(ForbiddenError);
  });
});
