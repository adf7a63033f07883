import "server-only";
import { buildPathway } from "@/domain/pathway/build-pathway";
import { rescueInputSchema, type PersonInput } from "@/domain/rescue/rescue-input";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { publishRescueAfterCommit } from "../live/publish";
import { getCurrentTemplate } from "../pathway/current-template";
import { invalid, ok, refused, type Result } from "@/domain/result";
import { recordTimeline } from "../timeline/record-timeline";
import { flagPossibleMatches } from "../possible-matches/flag-possible-matches";
import { newCaseReference, newRescueReference } from "./references";

export type LoggedRescue = { rescueId: string; reference: string; peopleCount: number; created: boolean };

function immediateNeedsOf(person: PersonInput): string[] {
  return person.otherNeeds ? [...person.immediateNeeds, person.otherNeeds] : person.immediateNeeds;
}

async function findByIdempotencyKey(db: Db, actor: Actor, key: string): Promise<Result<LoggedRescue> | null> {
  const existing = await db.rescue.findUnique({ where: { idempotencyKey: key }, include: { _count: { select: { people: true } } } });
  if (!existing) return null;
  // The key came from a form this user was served; anyone else presenting it learns nothing.
  if (existing.loggedById !== actor.id) return refused("form-expired", "The form has expired: reload the page and try again");
  return ok({ rescueId: existing.id, reference: existing.reference, peopleCount: existing._count.people, created: false });
}

/**
 * Logs a rescue with everyone found in it. Each person gets the partnership's current pathway, with
 * due times from T0 (a target in working hours counts its owning agency's open hours as they are now). All rows are written in one transaction; a repeated submit of the same form
 * (same idempotency key) returns the rescue already logged instead of a second one.
 */
export async function logRescue(db: Db, actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<LoggedRescue>> {
  await requirePermission(db, actor, "rescue.log", { entity: "Rescue" });

  const parsed = rescueInputSchema(now).safeParse(rawInput);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;

  const repeat = await findByIdempotencyKey(db, actor, input.idempotencyKey);
  if (repeat) return repeat;

  try {
    const logged = await db.$transaction(async (tx) => {
      const template = await getCurrentTemplate(tx, actor.partnershipId);

      const rescue = await tx.rescue.create({
        data: {
          partnershipId: actor.partnershipId,
          reference: newRescueReference(input.occurredAt),
          operationReference: input.operationReference,
          occurredAt: input.occurredAt,
          place: input.place,
          loggedById: actor.id,
          loggedByAgencyId: actor.agencyId,
          idempotencyKey: input.idempotencyKey,
        },
      });

      const personIds: string[] = [];
      for (const personInput of input.people) {
        const person = await tx.person.create({
          data: {
            rescueId: rescue.id,
            caseReference: newCaseReference(),
            templateId: template.id,
            ageGroup: personInput.ageGroup,
            gender: personInput.gender,
            nationalityCode: personInput.nationality,
            languages: personInput.languages,
            interpreterNeeded: personInput.interpreterNeeded,
            exploitationType: personInput.exploitationType,
            exploitationLocation: personInput.exploitationLocation,
            countyLines: personInput.countyLines,
            ageAtExploitation: personInput.ageAtExploitation,
            referrerType: personInput.referrerType,
            immediateNeeds: immediateNeedsOf(personInput),
            identity: { create: { name: personInput.name, description: personInput.description } },
          },
        });

        const planned = buildPathway(template.stages, personInput, input.occurredAt, (stage) => stage.ownerAgency);
        await tx.stage.createMany({
          data: planned.map(({ template: stageTemplate, dueAt }) => ({
            personId: person.id,
            templateStageId: stageTemplate.id,
            ownerAgencyId: stageTemplate.ownerAgencyId,
            dueAt,
          })),
        });

        await recordTimeline(tx, actor, { personId: person.id, kind: "RESCUE_LOGGED", occurredAt: now });
        personIds.push(person.id);
      }
      // "Child of person N" once everyone has an id: the child keeps their own pathway and clocks.
      for (const [index, personInput] of input.people.entries()) {
        if (personInput.childOf === null) continue;
        await tx.person.update({ where: { id: personIds[index] }, data: { parentPersonId: personIds[personInput.childOf - 1] } });
      }

      // Someone already known to the partnership? Flagged for the coordinator only: nothing here changes
      // what the person logging the rescue gets back (docs/decisions/0027).
      await flagPossibleMatches(tx, personIds, now);

      await recordAudit(tx, actor, { action: "rescue.log", entity: "Rescue", entityId: rescue.id });
      return { rescueId: rescue.id, reference: rescue.reference, peopleCount: input.people.length, created: true };
      // A whole operation (up to MAX_PEOPLE_PER_RESCUE people, a few statements each) is one
      // transaction: Prisma's default 5 s ran out on a loaded machine, and the rescue was not logged.
    }, { maxWait: 10_000, timeout: 60_000 });
    await publishRescueAfterCommit(db, logged.rescueId);
    return ok(logged);
  } catch (error) {
    // Two submits raced past the lookup above: the unique key let one through; answer with it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const repeatAfterRace = await findByIdempotencyKey(db, actor, input.idempotencyKey);
      if (repeatAfterRace) return repeatAfterRace;
    }
    throw error;
  }
}
