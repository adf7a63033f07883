import "server-only";
import type { OwnerChoice, StageSettings } from "@/domain/pathway/pathway-edit";
import type { TargetUnit } from "@/domain/types";
import type { Db } from "../db/create-client";
import { REFERRAL_AGENCY_KINDS } from "../stages/referral-targets";

type Tx = Pick<Db, "agency" | "pathwayTemplate">;

/** The agencies that may own a stage: those that do casework, retired ones marked (never offered, but named when refused). */
export async function listOwnerChoices(db: Tx, partnershipId: string): Promise<OwnerChoice[]> {
  const agencies = await db.agency.findMany({
    where: { partnershipId, kind: { in: [...REFERRAL_AGENCY_KINDS] } },
    select: { id: true, name: true, retiredAt: true },
    orderBy: { name: "asc" },
  });
  return agencies.map((agency) => ({ id: agency.id, name: agency.name, retired: agency.retiredAt !== null }));
}

/** The partnership's newest version with its stages, in pathway order, as the editor compares them. */
export async function getCurrentVersionForEdit(db: Tx, partnershipId: string) {
  const template = await db.pathwayTemplate.findFirst({
    where: { partnershipId },
    orderBy: { version: "desc" },
    include: { stages: { orderBy: { sortOrder: "asc" }, include: { ownerAgency: { select: { name: true, retiredAt: true } } } } },
  });
  if (!template) throw new Error(`Partnership ${partnershipId} has no pathway template`);
  return template;
}

export function settingsOf(stage: {
  key: string;
  title: string;
  ownerAgencyId: string;
  targetValue: number;
  targetUnit: TargetUnit;
  appliesTo: StageSettings["appliesTo"];
  enabled: boolean;
}): StageSettings {
  const { key, title, ownerAgencyId, targetValue, targetUnit, appliesTo, enabled } = stage;
  return { key, title, ownerAgencyId, targetValue, targetUnit, appliesTo, enabled };
}
