import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { getSuppressionSettings, updateSuppressionSettings } from "../../src/server/admin/suppression-threshold";
import { getSuppressionThreshold } from "../../src/server/partnership/get-suppression-threshold";
import { createPrismaClient } from "../../src/server/db/create-client";
import { ForbiddenError } from "../../src/server/errors";
import { runEscalationSweep } from "../../src/server/escalation/run-escalation-sweep";
import { figure, pinCellKeys } from "../support/cell-keys";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, minute, type World } from "../support/world";

const db = createPrismaClient();
let world: World;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld(db, "suppression");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
});

afterAll(async () => {
  await db.$disconnect();
});

const stored = async (partnershipId = world.partnership.id) =>
  (await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).suppressionThreshold;
const audited = () => db.auditEvent.count({ where: { action: "settings.suppression_update", entityId: world.partnership.id } });

describe("the small-number threshold setting", () => {
  it("is 4 until the administrator changes it; saving 6 changes their partnership only, audited", async () => {
    const other = await createWorld(db, "suppression-other");
    expect(await getSuppressionSettings(db, admin)).toEqual({ suppressionThreshold: 4 });
    expect(await getSuppressionThreshold(db, world.partnership.id)).toBe(4);

    const saved = await updateSuppressionSettings(db, admin, { suppressionThreshold: "6" });

    expect(saved).toEqual({ ok: true, data: { suppressionThreshold: 6 } });
    expect(await stored()).toBe(6);
    expect(await getSuppressionThreshold(db, world.partnership.id)).toBe(6);
    expect(await getSuppressionSettings(db, admin)).toEqual({ suppressionThreshold: 6 });
    expect(await stored(other.partnership.id)).toBe(4);
    expect(
      await db.auditEvent.count({ where: { userId: admin.id, role: "ADMINISTRATOR", action: "settings.suppression_update", entityId: world.partnership.id } }),
    ).toBe(1);
  });

  it.each([
    ["0", "Enter a small-number threshold of 1 or more"],
    ["21", "Enter a small-number threshold of 20 or fewer"],
    ["abc", "Enter the small-number threshold as a whole number from 1 to 20"],
    ["4.5", "Enter the small-number threshold as a whole number from 1 to 20"],
    ["", "Enter the small-number threshold as a whole number from 1 to 20"],
    ["-3", "Enter a small-number threshold of 1 or more"],
  ])("refuses %j with a message on the field, and writes nothing", async (value, message) => {
    const before = await stored();
    const auditsBefore = await audited();

    const result = await updateSuppressionSettings(db, admin, { suppressionThreshold: value });

    expect(result).toMatchObject({ ok: false, fieldErrors: { suppressionThreshold: message } });
    expect(await stored()).toBe(before);
    expect(await audited()).toBe(auditsBefore);
  });

  it.each(["CASEWORKER", "AGENCY_LEAD"] as const)("is refused to a council %s, who cannot read it either", async (role) => {
    const user = await world.actor("COUNCIL_SAFEGUARDING", role);
    const before = await stored();
    await expect(updateSuppressionSettings(db, user, { suppressionThreshold: "1" })).rejects.toThrow(ForbiddenError);
    await expect(getSuppressionSettings(db, user)).rejects.toThrow(ForbiddenError);
    expect(await stored()).toBe(before);
  });

  it.each([
    ["PARTNERSHIP", "COORDINATOR"],
    ["PCC_OFFICE", "PCC_OFFICE"],
  ] as const)("is refused to the %s %s, and the refusal is audited", async (kind, role) => {
    const user = await world.actor(kind, role);
    const before = await stored();
    await expect(updateSuppressionSettings(db, user, { suppressionThreshold: "1" })).rejects.toThrow(ForbiddenError);
    expect(await stored()).toBe(before);
    expect(await db.auditEvent.count({ where: { userId: user.id, action: "permission.denied", outcome: "denied" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { userId: user.id, action: "settings.suppression_update" } })).toBe(0);
  });
});

describe("the PCC office's overdue notice", () => {
  // Adults who need no interpreter: immediate safety (police) is due 1 h after T0, everything else later.
  const T0 = minute("2026-03-03T08:00:00Z");
  const at = (minutesAfterT0: number) => new Date(T0.getTime() + minutesAfterT0 * MINUTE);
  const PCC_AFTER = 60;
  const KEY = 13;

  it("hides counts up to the partnership's own threshold: with 6, five stages are hidden", async () => {
    const strict = await createWorld(db, "suppression-six");
    const usual = await createWorld(db, "suppression-four");
    const strictAdmin = await strict.actor("PARTNERSHIP", "ADMINISTRATOR");
    expect(await updateSuppressionSettings(db, strictAdmin, { suppressionThreshold: "6" })).toMatchObject({ ok: true });
    const pccOffices: Actor[] = [];
    const personIds: string[] = [];
    for (const partnership of [strict, usual]) {
      await db.partnership.update({
        where: { id: partnership.partnership.id },
        data: { escalateToCoordinatorAfterMinutes: 30, escalateToPccAfterMinutes: PCC_AFTER },
      });
      pccOffices.push(await partnership.actor("PCC_OFFICE", "PCC_OFFICE"));
      const police = await partnership.actor("POLICE");
      for (let i = 0; i < 5; i += 1) {
        const person = await logOnePerson(db, police, { t0: T0, now: at(10), person: { interpreterNeeded: "no" } });
        personIds.push(person.personId);
      }
      // Counts are perturbed (decision record 0018): with this key, five stages are published as 5.
      await pinCellKeys(db, partnership.partnership.id, KEY);
    }
    expect(figure(5, KEY)).toBe("5");

    // Only the five 1-hour stages of each partnership have been overdue long enough for the PCC office.
    await runEscalationSweep(db, at(60 + PCC_AFTER));

    const [strictPcc, usualPcc] = pccOffices;
    const toStrict = await db.notification.findMany({ where: { recipientId: strictPcc!.id, kind: "OVERDUE_SUMMARY" } });
    expect(toStrict).toHaveLength(1);
    expect(toStrict[0]!.title).toBe("Stages still overdue after escalation: [c]");
    expect(toStrict[0]!.body).toContain(`, ${strict.agencies.POLICE.name}: [c].`);
    expect(toStrict[0]!.body).toContain("counts 1 to 6 people");
    expect(`${toStrict[0]!.title} ${toStrict[0]!.body}`).not.toMatch(/\b5\b/);

    // The partnership that kept the default still reads five as five.
    const toUsual = await db.notification.findMany({ where: { recipientId: usualPcc!.id, kind: "OVERDUE_SUMMARY" } });
    expect(toUsual).toHaveLength(1);
    expect(toUsual[0]!.title).toBe("5 stages still overdue after escalation");
    expect(toUsual[0]!.body).toMatch(new RegExp(`, ${escapeRegExp(usual.agencies.POLICE.name)}: 5\\. Figures are slightly adjusted to protect people`));

    // Close these cases so later sweeps in other test files do not escalate them.
    await db.person.updateMany({ where: { id: { in: personIds } }, data: { closedAt: at(60 + PCC_AFTER) } });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
