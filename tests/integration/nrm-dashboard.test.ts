// The NRM figures for the PCC dashboard, counted in Postgres under the dashboard's period and filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { parseDashboardFilters } from "../../src/server/dashboard/filters";
import { readNrmProcess } from "../../src/server/dashboard/read-nrm-process";
import { getDashboard } from "../../src/server/dashboard/get-dashboard";
import { createPrismaClient } from "../../src/server/db/create-client";
import { recordConsent } from "../../src/server/nrm/record-consent";
import { recordDutyToNotify } from "../../src/server/nrm/record-duty-to-notify";
import { recordNrmDecision } from "../../src/server/nrm/record-nrm-decision";
import { recordNrmReferral } from "../../src/server/nrm/record-nrm-referral";
import { withdrawConsent } from "../../src/server/nrm/withdraw-consent";
import { logOnePerson } from "../support/log-person";
import { createWorld, minute, type World } from "../support/world";
import { figure, pinCellKeys } from "../support/cell-keys";

// Exact published figures need known record keys (decision record 0018).
const KEY = 13;

const db = createPrismaClient();
const T0 = minute("2026-11-02T10:00:00Z");
const NOW = new Date("2026-11-27T12:00:00Z");

let world: World;
let police: Actor;

const filters = (query: Record<string, string> = {}) => {
  const parsed = parseDashboardFilters({ kind: "month", month: "2026-11", ...query }, NOW);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed));
  return parsed.data;
};

const consent = (personId: string, decision: "GIVEN" | "REFUSED") =>
  recordConsent(db, police, { personId, purpose: "NRM_REFERRAL", decision, decidedOn: "03/11/2026", explainedBy: "PC Example", language: "English", interpreterUsed: "no", method: "IN_PERSON" }, NOW);

async function person(gender = "FEMALE") {
  return logOnePerson(db, police, { t0: T0, now: new Date(T0.getTime() + 60_000), person: { gender, interpreterNeeded: "no" } });
}

beforeAll(async () => {
  world = await createWorld(db, "nrm-dashboard");
  police = await world.actor("POLICE");
  // Three referred: RG after 3, 4 and 10 days; one of them positive CG after 23 days. One refused and
  // notified; one consented then withdrew.
  const waits = [3, 4, 10];
  for (const [index, days] of waits.entries()) {
    const one = await person(index === 2 ? "MALE" : "FEMALE");
    expect((await consent(one.personId, "GIVEN")).ok).toBe(true);
    expect((await recordNrmReferral(db, police, { personId: one.personId, submittedOn: "04/11/2026", homeOfficeReference: `NRM-2026-7000${index}1` }, NOW)).ok).toBe(true);
    const rgDay = String(4 + days).padStart(2, "0");
    expect((await recordNrmDecision(db, police, { personId: one.personId, decision: "REASONABLE_GROUNDS", outcome: index === 1 ? "NEGATIVE" : "POSITIVE", decidedOn: `${rgDay}/11/2026` }, NOW)).ok).toBe(true);
  }
  const declined = await person();
  await consent(declined.personId, "REFUSED");
  expect(
    (
      await recordDutyToNotify(
        db,
        police,
        { personId: declined.personId, gender: "FEMALE", ageAtExploitation: "ADULT", nationality: "ROU", exploitationType: "LABOUR", exploitationLocation: "UK", exploitationBeganIn: "", sentOn: "05/11/2026" },
        NOW,
      )
    ).ok,
  ).toBe(true);
  const withdrew = await person();
  await consent(withdrew.personId, "GIVEN");
  const row = await db.consent.findFirstOrThrow({ where: { personId: withdrew.personId } });
  expect((await withdrawConsent(db, police, { consentId: row.id, withdrawnOn: "06/11/2026" }, NOW)).ok).toBe(true);
  await pinCellKeys(db, world.partnership.id, KEY);
  await db.dutyToNotify.updateMany({ where: { partnershipId: world.partnership.id }, data: { cellKey: KEY } });
});

afterAll(async () => {
  await db.$disconnect();
});

describe("readNrmProcess", () => {
  it("counts referrals, Duty to Notify, refusals, withdrawals and decisions by kind, with the days to each decision", async () => {
    const counts = await readNrmProcess(db, world.partnership.id, filters());
    expect(counts.referrals.count).toBe(3);
    expect(counts.dutyToNotify.count).toBe(1);
    expect(counts.consentRefused.count).toBe(1);
    expect(counts.consentWithdrawn.count).toBe(1);
    expect([counts.decisions.rgPositive.count, counts.decisions.rgNegative.count, counts.decisions.cgPositive.count]).toEqual([2, 1, 0]);
    expect(counts.waits.reasonableGrounds).toEqual({ decisions: { count: 3, keySum: 3 * KEY }, median: 4, p90: 9 });
    expect(counts.waits.conclusiveGrounds).toEqual({ decisions: { count: 0, keySum: 0 }, median: null, p90: null });
    // Key sums beside the counts, for the cell-key method.
    expect(counts.referrals.keySum).toBeGreaterThanOrEqual(0);
  });

  it("follows the filters: gender, age group (Duty to Notify is for adults), and another month", async () => {
    const men = await readNrmProcess(db, world.partnership.id, filters({ gender: "MALE" }));
    expect([men.referrals.count, men.dutyToNotify.count, men.consentRefused.count]).toEqual([1, 0, 0]);
    const children = await readNrmProcess(db, world.partnership.id, filters({ ageGroup: "CHILD" }));
    expect([children.referrals.count, children.dutyToNotify.count]).toEqual([0, 0]);
    const october = await readNrmProcess(db, world.partnership.id, filters({ month: "2026-10" }));
    expect([october.referrals.count, october.dutyToNotify.count, october.waits.reasonableGrounds.median]).toEqual([0, 0, null]);
  });
});

describe("the dashboard's NRM tables", () => {
  it("publish the figures through suppression: nothing from 1 to the threshold is shown", async () => {
    const pcc = await world.actor("PCC_OFFICE", "PCC_OFFICE");
    const cells = async () => {
      const { tables } = await getDashboard(db, pcc, filters(), NOW);
      return {
        process: tables["nrm-process"].rows.map((row) => [row.label, row.cells[0]!.text]),
        waits: tables["nrm-waits"].rows.map((row) => row.cells.map((cell) => cell.text)),
      };
    };
    const atFour = await cells();
    expect(atFour.process.map(([, text]) => text)).toEqual(["[c]", "[c]", "[c]", "[c]"]);
    expect(atFour.waits[0]).toEqual(["[c]", "[c]", "[c]"]);

    await db.partnership.update({ where: { id: world.partnership.id }, data: { suppressionThreshold: 2 } });
    const atTwo = await cells();
    expect(atTwo.process).toEqual([
      ["NRM referrals made", figure(3, KEY, 2)],
      ["Duty to Notify sent", "[c]"],
      ["Adults who refused consent to the NRM", "[c]"],
      ["Adults who withdrew consent to the NRM", "[c]"],
    ]);
    expect(atTwo.waits[0]).toEqual([figure(3, KEY, 2), "4 days", "9 days"]);
  });
});
