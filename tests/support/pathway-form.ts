// The pathway editor's form, as the edit page fills it for the current version, for tests.
import type { Actor } from "../../src/server/access/actor";
import type { Db } from "../../src/server/db/create-client";
import { getPathwayAdmin } from "../../src/server/pathway/get-pathway-admin";
import { publishPathwayVersion } from "../../src/server/pathway/publish-pathway-version";

/** The form for the administrator's current version, with changes to some stages by key. */
export async function pathwayEditForm(db: Db, admin: Actor, changes: Record<string, Record<string, string>> = {}, baseVersion?: number) {
  const { current } = await getPathwayAdmin(db, admin);
  return {
    baseVersion: String(baseVersion ?? current.version),
    stages: current.stages.map((stage) => ({
      key: stage.key,
      title: stage.title,
      ownerAgencyId: stage.ownerAgencyId,
      targetValue: String(stage.targetValue),
      targetUnit: stage.targetUnit,
      appliesTo: stage.appliesTo,
      enabled: stage.enabled ? "on" : "off",
      ...changes[stage.key],
    })),
  };
}

/** The form with the health check's target one hour longer than now (or back to 1): always a change. */
export async function changedPathwayForm(db: Db, admin: Actor) {
  const { current } = await getPathwayAdmin(db, admin);
  const health = current.stages.find((stage) => stage.key === "health-check")!;
  return pathwayEditForm(db, admin, { "health-check": { targetValue: String((health.targetValue % 700) + 1), targetUnit: "HOURS" } });
}

/** Publishes two versions and returns the first: an earlier version nobody started under. */
export async function unusedEarlierVersion(db: Db, admin: Actor): Promise<string> {
  const first = await publishPathwayVersion(db, admin, await changedPathwayForm(db, admin));
  if (!first.ok || first.data.version === null) throw new Error(`Version not published: ${JSON.stringify(first)}`);
  const second = await publishPathwayVersion(db, admin, await changedPathwayForm(db, admin));
  if (!second.ok) throw new Error(`Version not published: ${JSON.stringify(second)}`);
  const template = await db.pathwayTemplate.findFirstOrThrow({ where: { partnershipId: admin.partnershipId, version: first.data.version } });
  return template.id;
}
