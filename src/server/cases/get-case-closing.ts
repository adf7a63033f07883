import "server-only";
import { z } from "zod";
import type { CaseCloseReason } from "@/domain/cases/case-closing";
import { roleHasPermission } from "@/domain/access/permissions";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { closableCases } from "../access/visibility";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { OPEN_STAGE_WHERE } from "../pathway/stage-filters";

export type CaseClosingView = {
  personId: string;
  caseReference: string;
  closedAt: Date | null;
  closeReason: CaseCloseReason | null;
  caseVersion: number;
  openStages: number;
  /** Stages a reopening would restart (those the last closing ended). */
  stagesToRestart: number;
  /** Where "back" goes: the coordinator's pseudonymised case, or the person's page. */
  backHref: string;
};

/**
 * What the close and reopen forms show: the case reference, its state and how many stages closing
 * would end or reopening restart. Never identity, notes or places, so the coordinator's pseudonymised
 * view holds. A case outside `closableCases` is not found.
 */
export async function getCaseClosing(db: Db, actor: Actor, personId: string, want: "close" | "reopen"): Promise<CaseClosingView> {
  const id = z.uuid().safeParse(personId).success ? personId : undefined;
  await requirePermission(db, actor, want === "close" ? "case.close" : "case.reopen", { entity: "Person", entityId: id });
  const person = id
    ? await db.person.findFirst({
        where: { AND: [{ id }, closableCases(actor)] },
        select: {
          id: true,
          caseReference: true,
          closedAt: true,
          closeReason: true,
          caseVersion: true,
          _count: { select: { stages: { where: OPEN_STAGE_WHERE } } },
          closures: { where: { reopenedAt: null }, select: { closedStageIds: true }, take: 1 },
        },
      })
    : null;
  if (!person) {
    await recordAudit(db, actor, { action: "case.view", entity: "Person", entityId: id, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  await recordAudit(db, actor, { action: "case.view", entity: "Person", entityId: person.id });
  return {
    personId: person.id,
    caseReference: person.caseReference,
    closedAt: person.closedAt,
    closeReason: person.closeReason,
    caseVersion: person.caseVersion,
    openStages: person._count.stages,
    stagesToRestart: person.closures[0]?.closedStageIds.length ?? 0,
    backHref: roleHasPermission(actor.role, "case.view_pseudonymised") ? `/cases/${person.id}` : `/people/${person.id}`,
  };
}
