import "server-only";
import { appliesToChoice, type AppliesToChoice } from "@/domain/pathway/pathway-choices";
import type { OwnerChoice } from "@/domain/pathway/pathway-edit";
import type { TargetUnit } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import type { Db } from "../db/create-client";
import { getCurrentVersionForEdit, listOwnerChoices } from "./pathway-editing";

export type PathwayStageAdminView = {
  key: string;
  title: string;
  ownerAgencyId: string;
  ownerAgencyName: string;
  ownerRetired: boolean;
  targetValue: number;
  targetUnit: TargetUnit;
  appliesTo: AppliesToChoice;
  enabled: boolean;
};

export type PathwayVersionView = {
  id: string;
  version: number;
  publishedAt: Date;
  /** Null for the version set up with the partnership. */
  publishedByName: string | null;
  /** People whose case is not closed. */
  livePeople: number;
  /** Everyone who ever started on it: a version anyone started under is kept. */
  people: number;
  current: boolean;
};

export type PathwayAdmin = {
  current: { id: string; version: number; name: string; stages: PathwayStageAdminView[] };
  versions: PathwayVersionView[];
  /** Active agencies that may own a stage, for the edit form. */
  owners: OwnerChoice[];
};

/** The partnership's pathway for the administrator: the current version, every version with who is on it, and the possible owners. */
export async function getPathwayAdmin(db: Db, actor: Actor): Promise<PathwayAdmin> {
  await requirePermission(db, actor, "admin.manage", { entity: "PathwayTemplate" });
  const { partnershipId } = actor;
  const [current, versions, owners] = await Promise.all([
    getCurrentVersionForEdit(db, partnershipId),
    db.pathwayTemplate.findMany({
      where: { partnershipId },
      orderBy: { version: "desc" },
      select: {
        id: true,
        version: true,
        publishedAt: true,
        publishedBy: { select: { name: true } },
        _count: { select: { people: true } },
      },
    }),
    listOwnerChoices(db, partnershipId),
  ]);
  const live = await db.person.groupBy({
    by: ["templateId"],
    where: { closedAt: null, templateId: { in: versions.map((version) => version.id) } },
    _count: { _all: true },
  });
  const liveOf = new Map(live.map((row) => [row.templateId, row._count._all]));

  return {
    current: {
      id: current.id,
      version: current.version,
      name: current.name,
      stages: current.stages.map((stage) => ({
        key: stage.key,
        title: stage.title,
        ownerAgencyId: stage.ownerAgencyId,
        ownerAgencyName: stage.ownerAgency.name,
        ownerRetired: stage.ownerAgency.retiredAt !== null,
        targetValue: stage.targetValue,
        targetUnit: stage.targetUnit,
        appliesTo: appliesToChoice(stage.appliesTo),
        enabled: stage.enabled,
      })),
    },
    versions: versions.map((version) => ({
      id: version.id,
      version: version.version,
      publishedAt: version.publishedAt,
      publishedByName: version.publishedBy?.name ?? null,
      livePeople: liveOf.get(version.id) ?? 0,
      people: version._count.people,
      current: version.id === current.id,
    })),
    owners: owners.filter((owner) => !owner.retired),
  };
}
