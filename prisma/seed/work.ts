// Queue work on the live cases: stages claimed and assigned, and a referral waiting for an answer,
// made through the app's own use cases so the demo queues look as they would in use.
import { MS } from "../../src/domain/time/duration";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import type { Db } from "../../src/server/db/create-client";
import type { Result } from "../../src/domain/result";
import { referStage } from "../../src/server/referrals/refer-stage";
import { assignStage, claimStage } from "../../src/server/stages/assign-stage";
import { DEMO_ACCOUNTS } from "../demo-accounts";
import type { LivePeople } from "./live";
import type { DemoOrg } from "./org";

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo seed could not ${what}: ${result.formError ?? ""} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  if (!DEMO_ACCOUNTS.some((account) => account.email === email)) throw new Error(`${email} is not a demo account`);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`${email} is inactive`);
  return actor;
}

/** A live person's stage, by the name or description the live seed logged them with. */
async function liveStage(db: Db, live: LivePeople, label: string, key: string) {
  const personId = live.personIdByLabel.get(label);
  if (!personId) throw new Error(`Live person "${label}" was not logged`);
  const stage = await db.stage.findFirst({
    where: { templateStage: { key }, personId },
    select: { id: true, person: { select: { rescue: { select: { occurredAt: true } } } } },
  });
  if (!stage) throw new Error(`Live stage ${key} for "${label}" not found`);
  return { id: stage.id, at: (minutes: number) => new Date(stage.person.rescue.occurredAt.getTime() + minutes * MS.MINUTE) };
}

export async function seedQueueWork(db: Db, org: DemoOrg, live: LivePeople): Promise<void> {
  const councilCaseworker = await actorByEmail(db, "council.caseworker@demo.example");
  const councilCaseworkerTwo = await actorByEmail(db, "council.caseworker2@demo.example");
  const councilLead = await actorByEmail(db, "council.lead@demo.example");

  const ardi = await liveStage(db, live, "Ardi Testescu", "accommodation");
  unwrap(await claimStage(db, councilCaseworker, { stageId: ardi.id }, ardi.at(20)), "claim Ardi's accommodation");

  const boy = await liveStage(db, live, "Boy, about 16, speaks Albanian", "accommodation");
  unwrap(await assignStage(db, councilLead, { stageId: boy.id, assigneeId: councilCaseworkerTwo.id }, boy.at(30)), "assign the boy's accommodation");

  const hoa = await liveStage(db, live, "Hoa Sampleova", "accommodation");
  unwrap(
    await referStage(
      db,
      councilCaseworker,
      { stageId: hoa.id, toAgencyId: org.agencyIds.SALVATION_ARMY, message: "Safehouse bed for a woman needed tonight; she speaks Vietnamese." },
      hoa.at(60),
    ),
    "refer Hoa's accommodation",
  );
}
