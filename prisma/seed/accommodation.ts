// Accommodation addresses and restricted notes for two of the live cases, recorded through the app's
// own use cases, so the demo shows who may read what. The addresses are obviously fictional; the
// first one is the canary the end-to-end test looks for in every page a user without the right sees.
import { MS } from "../../src/domain/time/duration";
import { recordAccommodation } from "../../src/server/accommodation/record-accommodation";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import type { Db } from "../../src/server/db/create-client";
import { addNote } from "../../src/server/people/add-note";
import type { Result } from "../../src/domain/result";
import { CANARY_ADDRESS, CANARY_PERSON_NAME, HEALTH_ONLY_NOTE, POLICE_ONLY_NOTE, SECOND_DEMO_ADDRESS } from "./canary";
import { staffMember, staffOfAgency, type DemoOrg, type StaffMember } from "./org";

/** The live rescue whose people were placed in emergency accommodation overnight (prisma/seed/live.ts). */
const OPERATION = "OP-BRACKEN-12";

const PLACEMENTS = [
  { who: { name: CANARY_PERSON_NAME }, address: CANARY_ADDRESS, minutesAfterT0: 225 },
  { who: { description: "Man, about 50, speaks English" }, address: SECOND_DEMO_ADDRESS, minutesAfterT0: 320 },
];

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo seed could not ${what}: ${result.formError ?? ""} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

async function caseworker(db: Db, member: StaffMember): Promise<Actor> {
  const actor = await loadActor(db, member.id);
  if (!actor) throw new Error(`Demo caseworker ${member.id} is missing or inactive`);
  return actor;
}

/** Records the placements as the caseworker of the agency that owns each accommodation stage, and two restricted notes. */
export async function seedAccommodation(db: Db, org: DemoOrg): Promise<void> {
  for (const placement of PLACEMENTS) {
    const person = await db.person.findFirstOrThrow({
      where: { rescue: { partnershipId: org.partnershipId, operationReference: OPERATION }, identity: placement.who },
      select: {
        id: true,
        rescue: { select: { occurredAt: true } },
        stages: { where: { templateStage: { key: "accommodation" } }, select: { ownerAgencyId: true } },
      },
    });
    const owner = person.stages[0]?.ownerAgencyId;
    if (!owner) throw new Error(`Live person ${person.id} has no accommodation stage`);
    const at = new Date(person.rescue.occurredAt.getTime() + placement.minutesAfterT0 * MS.MINUTE);
    unwrap(await recordAccommodation(db, await caseworker(db, staffOfAgency(org, owner, "CASEWORKER")), { personId: person.id, address: placement.address }, at), "record an address");

    if (placement.address === CANARY_ADDRESS) {
      const later = (minutes: number) => new Date(at.getTime() + minutes * MS.MINUTE);
      unwrap(await addNote(db, await caseworker(db, staffMember(org, "POLICE", "CASEWORKER")), { personId: person.id, text: POLICE_ONLY_NOTE, sensitivity: "POLICE" }, later(30)), "add a police note");
      unwrap(await addNote(db, await caseworker(db, staffMember(org, "HEALTH", "CASEWORKER")), { personId: person.id, text: HEALTH_ONLY_NOTE, sensitivity: "HEALTH" }, later(45)), "add a health note");
    }
  }
}
