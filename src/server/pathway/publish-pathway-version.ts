import "server-only";
import { checkPathwayEdit, diffAsAuditChanges, diffPathway } from "@/domain/pathway/pathway-edit";
import { ok, refused, type Result } from "@/domain/result";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { getCurrentVersionForEdit, listOwnerChoices, settingsOf } from "./pathway-editing";

export type PublishedPathway = { version: number; changedStages: number } | { version: null; changedStages: 0 };

const STALE = "Someone published a new version of the pathway while you were saving, so your changes were not saved. Open the pathway again and make them on the newest version.";

/**
 * Saves an edit of the whole pathway as a new version: a copy of every stage (same keys, so code
 * that finds a stage by key keeps working) with the changes. People already on the pathway keep the
 * version they started under; only rescues logged from now on get the new one. A save that changes
 * nothing makes no version. The form carries the version it was based on, and a save on an older
 * base is refused: publishes of one partnership take turns under an advisory lock, and the unique
 * version number catches anything that slips past it.
 */
export async function publishPathwayVersion(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<PublishedPathway>> {
  await requirePermission(db, actor, "admin.manage", { entity: "PathwayTemplate" });
  const { partnershipId } = actor;
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pathway-publish'), hashtext(${partnershipId}))`;
      const current = await getCurrentVersionForEdit(tx, partnershipId);
      const before = current.stages.map(settingsOf);
      const checked = checkPathwayEdit({ version: current.version, stages: before }, rawInput, await listOwnerChoices(tx, partnershipId));
      if (!checked.ok) return checked;
      const diff = diffPathway(before, checked.data);
      if (diff.length === 0) return ok({ version: null, changedStages: 0 } as const);

      const after = new Map(checked.data.map((stage) => [stage.key, stage]));
      const created = await tx.pathwayTemplate.create({
        data: {
          partnershipId,
          version: current.version + 1,
          name: current.name,
          atRiskPercent: current.atRiskPercent,
          publishedAt: now,
          publishedById: actor.id,
          stages: {
            create: current.stages.map((stage) => ({
              description: stage.description,
              onlyIfInterpreterNeeded: stage.onlyIfInterpreterNeeded,
              sortOrder: stage.sortOrder,
              ...after.get(stage.key)!,
            })),
          },
        },
      });
      await recordAudit(tx, actor, { action: "pathway.publish", entity: "PathwayTemplate", entityId: created.id, changes: diffAsAuditChanges(diff) });
      return ok({ version: created.version, changedStages: diff.length });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return refused("stale-version", STALE);
    throw error;
  }
}
