// Fixtures for integration tests: a partnership of its own per test file, users as Actors, and
// table counts for "nothing was written" checks.
import { randomUUID } from "node:crypto";
import { createAgency, createPartnership, createUser } from "../../prisma/factories";
import type { AgencyKind, Role } from "../../src/domain/types";
import type { Actor } from "../../src/server/access/actor";
import { loadActor } from "../../src/server/access/load-actor";
import type { Db } from "../../src/server/db/create-client";

export type World = Awaited<ReturnType<typeof createWorld>>;

/** A partnership with readable, unique agency names ("Council safeguarding (it-ab12cd34)"). */
export async function createWorld(db: Db, label = "it") {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const fixture = await createPartnership(db, {
    slug,
    agencyNames: {
      POLICE: `Police (${slug})`,
      COUNCIL_SAFEGUARDING: `Council safeguarding (${slug})`,
      HEALTH: `Health (${slug})`,
      SALVATION_ARMY: `Salvation Army (${slug})`,
      VCAS: `VCAS (${slug})`,
      PCC_OFFICE: `PCC office (${slug})`,
      PARTNERSHIP: `Partnership team (${slug})`,
    },
  });

  /** A new user in the agency of `kind`, read back the way the app reads the signed-in user. */
  async function actor(kind: AgencyKind, role: Role = "CASEWORKER"): Promise<Actor> {
    const agency = fixture.agencies[kind];
    if (!agency) throw new Error(`No ${kind} agency in ${slug}`);
    const user = await createUser(db, { agencyId: agency.id, role, name: `${role} at ${agency.name}` });
    const loaded = await loadActor(db, user.id);
    if (!loaded) throw new Error(`User ${user.id} did not load`);
    return loaded;
  }

  /** A further agency of `kind` ("Second charity (it-ab12cd34)"): partnerships may have several of one kind. */
  async function addAgency(kind: AgencyKind, name: string) {
    return createAgency(db, { partnershipId: fixture.partnership.id, kind, name: `${name} (${slug})` });
  }

  /** A new user in any agency of this world (one added with `addAgency`, say). */
  async function actorIn(agencyId: string, role: Role = "CASEWORKER"): Promise<Actor> {
    const user = await createUser(db, { agencyId, role });
    const loaded = await loadActor(db, user.id);
    if (!loaded) throw new Error(`User ${user.id} did not load`);
    return loaded;
  }

  return { ...fixture, slug, actor, addAgency, actorIn };
}

export type TableCounts = {
  rescue: number;
  person: number;
  personIdentity: number;
  stage: number;
  timelineEvent: number;
  auditEvent: number;
};

/** Row counts of every table a case write touches (test files run one after another). */
export async function countCaseTables(db: Db): Promise<TableCounts> {
  const [rescue, person, personIdentity, stage, timelineEvent, auditEvent] = await Promise.all([
    db.rescue.count(),
    db.person.count(),
    db.personIdentity.count(),
    db.stage.count(),
    db.timelineEvent.count(),
    db.auditEvent.count(),
  ]);
  return { rescue, person, personIdentity, stage, timelineEvent, auditEvent };
}

/** A fixed instant on a whole minute: the rescue form carries minutes only. */
export function minute(iso: string): Date {
  const date = new Date(iso);
  if (date.getUTCSeconds() !== 0 || date.getUTCMilliseconds() !== 0) throw new Error(`${iso} is not on a whole minute`);
  return date;
}

export const HOUR = 60 * 60_000;
export const MINUTE = 60_000;
