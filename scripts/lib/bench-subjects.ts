import { loadActor } from "../../src/server/access/load-actor";
import { visiblePeople } from "../../src/server/access/visibility";
import type { createPrismaClient } from "../../src/server/db/create-client";

type Db = ReturnType<typeof createPrismaClient>;

const OPEN = ["NOT_STARTED", "IN_PROGRESS", "PAUSED"] as const;

/**
 * Who and what the benchmarks ask about on a generated history (scripts/generate-history.ts): the
 * partnership (by slug, or the newest `scale-…` one), its busiest agency (most open stages on live
 * cases), that agency's lead and caseworker, the partnership's coordinator and PCC office, up to 300
 * live people the caseworker may see and up to 400 of the agency's open stages on live cases.
 */
export async function findBenchSubjects(db: Db, slug?: string) {
  const partnership = slug
    ? await db.partnership.findUniqueOrThrow({ where: { slug } })
    : await db.partnership.findFirstOrThrow({ where: { slug: { startsWith: "scale-" } }, orderBy: { createdAt: "desc" } });
  const liveInPartnership = { closedAt: null, rescue: { partnershipId: partnership.id } };
  const busiest = await db.stage.groupBy({
    by: ["ownerAgencyId"],
    where: { state: { in: [...OPEN] }, person: liveInPartnership },
    _count: { _all: true },
    orderBy: { _count: { ownerAgencyId: "desc" } },
    take: 1,
  });
  const agency = await db.agency.findUniqueOrThrow({ where: { id: busiest[0]!.ownerAgencyId } });
  const user = (role: "AGENCY_LEAD" | "CASEWORKER" | "COORDINATOR" | "PCC_OFFICE") =>
    db.user.findFirstOrThrow({ where: { role, agency: role === "AGENCY_LEAD" || role === "CASEWORKER" ? { id: agency.id } : { partnershipId: partnership.id } } });
  const [lead, caseworker, coordinator, pcc] = await Promise.all([user("AGENCY_LEAD"), user("CASEWORKER"), user("COORDINATOR"), user("PCC_OFFICE")]);
  const caseworkerActor = (await loadActor(db, caseworker.id))!;
  const personIds = (
    await db.person.findMany({ where: { AND: [visiblePeople(caseworkerActor), { closedAt: null }] }, select: { id: true }, orderBy: { id: "asc" }, take: 300 })
  ).map((person) => person.id);
  const openStages = await db.stage.findMany({
    where: { ownerAgencyId: agency.id, state: { in: [...OPEN] }, person: liveInPartnership },
    select: { id: true, personId: true, state: true },
    orderBy: { id: "asc" },
    take: 400,
  });
  return { partnership, agency, lead, caseworker, coordinator, pcc, personIds, openStages };
}
