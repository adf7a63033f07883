import "server-only";
import { z } from "zod";
import { invalid, ok, refused, type Result } from "@/domain/result";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";

const deleteVersionSchema = z.object({ templateId: z.uuid("Version not found") });

const IN_USE = (version: number) =>
  `Version ${version} cannot be deleted: people started their pathway under it, and they keep it so that their targets and the figures stay fair.`;

/**
 * Deletes an earlier pathway version nobody started under (one published by mistake, say). The
 * current version cannot be deleted: new people start on it. A version of another partnership is
 * "not found". Under the publishing lock, so it cannot race a publish; a rescue logged on it in the
 * meantime is caught by the foreign key and answered as "in use".
 */
export async function deletePathwayVersion(db: Db, actor: Actor, rawInput: unknown): Promise<Result<{ version: number }>> {
  await requirePermission(db, actor, "admin.manage", { entity: "PathwayTemplate", entityId: idFromInput(rawInput, "templateId") });
  const parsed = deleteVersionSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const { partnershipId } = actor;
  const { templateId } = parsed.data;

  const template = await db.pathwayTemplate.findFirst({ where: { id: templateId, partnershipId }, select: { id: true, version: true } });
  if (!template) {
    await recordAudit(db, actor, { action: "pathway.delete_version", entity: "PathwayTemplate", entityId: templateId, outcome: "denied" });
    throw new NotFoundError("PathwayTemplate");
  }
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pathway-publish'), hashtext(${partnershipId}))`;
      const newest = await tx.pathwayTemplate.findFirstOrThrow({ where: { partnershipId }, orderBy: { version: "desc" }, select: { id: true } });
      if (newest.id === template.id) {
        return refused("current-version", `Version ${template.version} is the current pathway, which new people start on, so it cannot be deleted.`);
      }
      if ((await tx.person.count({ where: { templateId: template.id } })) > 0) return refused("version-in-use", IN_USE(template.version));
      await tx.pathwayStageTemplate.deleteMany({ where: { templateId: template.id } });
      await tx.pathwayTemplate.delete({ where: { id: template.id } });
      await recordAudit(tx, actor, {
        action: "pathway.delete_version",
        entity: "PathwayTemplate",
        entityId: template.id,
        changes: { version: { before: template.version, after: null } },
      });
      return ok({ version: template.version });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return refused("version-in-use", IN_USE(template.version));
    throw error;
  }
}
