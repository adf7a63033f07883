// A partnership may have two charities (or two councils). Each sees only its own work, and the
// referral and queue screens tell them apart by name, never by kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { NotFoundError } from "../../src/server/errors";
import { getPersonPathway } from "../../src/server/people/get-person-pathway";
import { getAgencyQueue } from "../../src/server/queue/get-agency-queue";
import { answerReferral } from "../../src/server/referrals/answer-referral";
import { getReferral } from "../../src/server/referrals/get-referral";
import { referStage } from "../../src/server/referrals/refer-stage";
import { listReferralTargets } from "../../src/server/stages/referral-targets";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, type World } from "../support/world";

const db = createPrismaClient();
const NOW = new Date();
const T0 = new Date(NOW.getTime() - 30 * MINUTE);

let world: World;
let council: Actor;
let beacon: { id: string; name: string };
let willow: { id: string; name: string };
let beaconWorker: Actor;
let willowWorker: Actor;
let forBeacon: Awaited<ReturnType<typeof logOnePerson>>;
let forWillow: Awaited<ReturnType<typeof logOnePerson>>;
let toBeacon: string;
let toWillow: string;

beforeAll(async () => {
  world = await createWorld(db, "two-charities");
  council = await world.actor("COUNCIL_SAFEGUARDING");
  const police = await world.actor("POLICE");
  beacon = await world.addAgency("CHARITY", "Beacon Refuge");
  willow = await world.addAgency("CHARITY", "Willow Refuge");
  beaconWorker = await world.actorIn(beacon.id);
  willowWorker = await world.actorIn(willow.id);
  forBeacon = await logOnePerson(db, police, { t0: T0, now: NOW });
  forWillow = await logOnePerson(db, police, { t0: T0, now: NOW });
  const a = await referStage(db, council, { stageId: forBeacon.stage("accommodation").id, toAgencyId: beacon.id }, NOW);
  const b = await referStage(db, council, { stageId: forWillow.stage("accommodation").id, toAgencyId: willow.id }, NOW);
  if (!a.ok || !b.ok) throw new Error("referrals not made");
  toBeacon = a.data.referralId;
  toWillow = b.data.referralId;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("two charities in one partnership", () => {
  it("are both offered to refer to, by name", async () => {
    const targets = await listReferralTargets(db, council);
    expect(targets.filter((agency) => agency.id === beacon.id || agency.id === willow.id)).toEqual([
      { id: beacon.id, name: beacon.name },
      { id: willow.id, name: willow.name },
    ]);
  });

  it("each see only the referral made to them, with who sent it", async () => {
    const beaconQueue = await getAgencyQueue(db, beaconWorker, "all", NOW);
    const willowQueue = await getAgencyQueue(db, willowWorker, "all", NOW);
    expect(beaconQueue.agencyName).toBe(beacon.name);
    expect(willowQueue.agencyName).toBe(willow.name);
    expect(beaconQueue.incoming.map((referral) => [referral.id, referral.fromAgencyName])).toEqual([[toBeacon, world.agencies.COUNCIL_SAFEGUARDING.name]]);
    expect(willowQueue.incoming.map((referral) => referral.id)).toEqual([toWillow]);
  });

  it("cannot see, open or answer the other charity's referral or person", async () => {
    await expect(getPersonPathway(db, willowWorker, forBeacon.personId)).rejects.toThrow(NotFoundError);
    await expect(getPersonPathway(db, beaconWorker, forWillow.personId)).rejects.toThrow(NotFoundError);
    await expect(getReferral(db, willowWorker, toBeacon)).rejects.toThrow(NotFoundError);
    await expect(answerReferral(db, willowWorker, { referralId: toBeacon, decision: "accept" }, NOW)).rejects.toThrow(NotFoundError);
    expect((await db.referral.findUniqueOrThrow({ where: { id: toBeacon } })).state).toBe("PENDING");
  });

  it("after accepting, the stage is on the accepting charity's queue only, and the council's list names each charity", async () => {
    const accepted = await answerReferral(db, beaconWorker, { referralId: toBeacon, decision: "accept" }, NOW);
    expect(accepted.ok).toBe(true);

    const beaconQueue = await getAgencyQueue(db, beaconWorker, "all", NOW);
    const willowQueue = await getAgencyQueue(db, willowWorker, "all", NOW);
    expect(beaconQueue.stages.map((row) => row.stageId)).toEqual([forBeacon.stage("accommodation").id]);
    expect(willowQueue.stages).toEqual([]);

    const councilQueue = await getAgencyQueue(db, council, "all", NOW);
    const sent = Object.fromEntries(councilQueue.outgoing.map((referral) => [referral.id, [referral.toAgencyName, referral.state]]));
    expect(sent[toBeacon]).toEqual([beacon.name, "ACCEPTED"]);
    expect(sent[toWillow]).toEqual([willow.name, "PENDING"]);

    const pathway = await getPersonPathway(db, beaconWorker, forBeacon.personId);
    expect(pathway.stages.find((stage) => stage.key === "accommodation")).toMatchObject({ ownerAgencyName: beacon.name, changeRefusal: null });
    const other = await getPersonPathway(db, council, forBeacon.personId);
    expect(other.stages.find((stage) => stage.key === "accommodation")).toMatchObject({ ownerAgencyName: beacon.name, changeRefusal: "not-owner" });
  });
});
