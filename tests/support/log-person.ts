import { personFormInput, rescueFormInput } from "../../prisma/factories";
import type { Actor } from "../../src/server/access/actor";
import type { Db } from "../../src/server/db/create-client";
import { logRescue } from "../../src/server/rescues/log-rescue";

/**
 * Logs a rescue of one person through the real use case and returns the person with their stages
 * by template key ("accommodation", "health-check", ...).
 */
export async function logOnePerson(
  db: Db,
  logger: Actor,
  { t0, now, person = {} }: { t0: Date; now: Date; person?: Record<string, unknown> },
) {
  const result = await logRescue(db, logger, rescueFormInput({ occurredAt: t0, people: [personFormInput(person)] }), now);
  if (!result.ok) throw new Error(`Rescue not logged: ${JSON.stringify(result)}`);
  const row = await db.person.findFirstOrThrow({
    where: { rescueId: result.data.rescueId },
    include: { stages: { include: { templateStage: true } } },
  });
  const stages = Object.fromEntries(row.stages.map((stage) => [stage.templateStage.key, stage]));
  const stage = (key: string) => {
    const found = stages[key];
    if (!found) throw new Error(`Person has no "${key}" stage`);
    return found;
  };
  return { rescueId: result.data.rescueId, personId: row.id, stage };
}
