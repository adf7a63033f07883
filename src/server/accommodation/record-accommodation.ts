import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { visiblePeople } from "../access/visibility";
import { idFromInput, recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { NotFoundError } from "../errors";
import { publishChangesAfterCommit } from "../live/publish";
import { recordTimeline } from "../timeline/record-timeline";
import { invalid, ok, refused, type Result } from "@/domain/result";
import { ACCOMMODATION_STAGE_KEY, mayRecordAccommodation } from "./placement";

export const ADDRESS_MAX = 300;

export const recordAccommodationSchema = z.object({
  personId: z.string().uuid("Person not found"),
  address: typedText({ multiline: true, error: "Enter the address" })
    .trim()
    .min(1, "Enter the address")
    .max(ADDRESS_MAX, `Enter ${ADDRESS_MAX} characters or fewer`),
});

/**
 * Records (or replaces) where the person is staying. Only the agency that owns the person's
 * accommodation stage may, and it becomes the provider: with police, the only agency that reads the
 * address. The address goes into the placement row only: the timeline says that an address was
 * recorded, the audit row which person it was for, and the live message only the person's id.
 */
export async function recordAccommodation(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ personId: string }>> {
  await requirePermission(db, actor, "accommodation.record", { entity: "Person", entityId: idFromInput(rawInput, "personId") });
  const parsed = recordAccommodationSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);

  const person = await db.person.findFirst({
    where: { AND: [{ id: parsed.data.personId }, visiblePeople(actor)] },
    select: {
      id: true,
      stages: {
        where: { templateStage: { key: ACCOMMODATION_STAGE_KEY } },
        select: { id: true, ownerAgencyId: true, ownerAgency: { select: { name: true } } },
      },
    },
  });
  if (!person) {
    await recordAudit(db, actor, { action: "accommodation.record", entity: "Person", entityId: parsed.data.personId, outcome: "denied" });
    throw new NotFoundError("Person");
  }
  const stage = person.stages[0] ?? null;
  if (!stage) return refused("no-accommodation-stage", "This person's pathway has no accommodation stage.");
  if (!mayRecordAccommodation(actor, stage)) {
    await recordAudit(db, actor, { action: "accommodation.record", entity: "Person", entityId: person.id, outcome: "denied" });
    return refused("not-owner", `Only ${stage.ownerAgency.name}, who arrange this person's accommodation, can record the address.`);
  }

  const placement = { providerAgencyId: stage.ownerAgencyId, address: parsed.data.address, recordedById: actor.id, recordedAt: now };
  await db.$transaction(async (tx) => {
    await tx.accommodationPlacement.upsert({
      where: { personId: person.id },
      create: { personId: person.id, ...placement },
      update: placement,
    });
    await recordTimeline(tx, actor, { personId: person.id, stageId: stage.id, kind: "ACCOMMODATION_RECORDED", occurredAt: now });
    await recordAudit(tx, actor, { action: "accommodation.record", entity: "Person", entityId: person.id });
  });
  await publishChangesAfterCommit(db, [person.id]);
  return ok({ personId: person.id });
}
