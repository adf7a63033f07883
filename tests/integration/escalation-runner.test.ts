import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/access/actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { sweepUntilNothingRaised } from "../support/sweep-backlog";
import type { SweepResult } from "../../src/server/escalation/run-escalation-sweep";
import {
  CONTACT_GAP_CRON,
  CONTACT_GAP_QUEUE,
  DASHBOARD_CRON,
  DASHBOARD_QUEUE,
  ESCALATION_CRON,
  ESCALATION_QUEUE,
  startJobRunner,
  type JobRunner,
} from "../../src/server/jobs/runner";
import { logOnePerson } from "../support/log-person";
import { createWorld, HOUR, MINUTE, type World } from "../support/world";

const db = createPrismaClient();
const connectionString = process.env.DATABASE_URL!;

let world: World;
let healthLead: Actor;
let person: Awaited<ReturnType<typeof logOnePerson>>;
const running: JobRunner[] = [];

beforeAll(async () => {
  // Earlier files' overdue stages in this worker's database would fill the runner's first sweeps.
  await sweepUntilNothingRaised(db, new Date());
  world = await createWorld(db, "escalation-runner");
  const police = await world.actor("POLICE");
  healthLead = await world.actor("HEALTH", "AGENCY_LEAD");
  await world.actor("PARTNERSHIP", "COORDINATOR");
  // Rescued five hours ago: the 4-hour health check has been overdue for an hour (the runner sweeps
  // at the real time).
  const t0 = new Date(Math.floor((Date.now() - 5 * HOUR) / MINUTE) * MINUTE);
  person = await logOnePerson(db, police, { t0, now: new Date(t0.getTime() + 10 * MINUTE), person: { interpreterNeeded: "no" } });
});

afterAll(async () => {
  await Promise.all(running.map((runner) => runner.stop(2_000).catch(() => {})));
  await db.$disconnect();
});

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startRunner() {
  const sweeps: SweepResult[] = [];
  const lines: string[] = [];
  const runner = await startJobRunner({
    connectionString,
    db,
    poolMax: 2,
    pollingIntervalSeconds: 0.5,
    log: (line) => lines.push(line),
    onSweep: (result) => sweeps.push(result),
  });
  running.push(runner);
  return { runner, sweeps, lines };
}

/** Everything the sweep writes about this file's partnership. */
async function writtenForWorld() {
  const [escalations, notifications] = await Promise.all([
    db.escalation.findMany({ where: { stage: { person: { rescue: { partnershipId: world.partnership.id } } } }, orderBy: { id: "asc" } }),
    db.notification.findMany({ where: { recipient: { agency: { partnershipId: world.partnership.id } } }, orderBy: { id: "asc" } }),
  ]);
  return { escalations, notifications };
}

describe("the pg-boss job runner", () => {
  it("sweeps at start and on a one-minute schedule, and sends each notice once even after a restart", async () => {
    const first = await startRunner();
    expect(first.lines).toEqual([expect.stringMatching(/^Job runner started/)]);
    // The escalation sweep, the contact-gap sweep, and the dashboard summaries' rebuild.
    const schedules = await first.runner.boss.getSchedules();
    expect(schedules).toHaveLength(3);
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: ESCALATION_QUEUE, cron: ESCALATION_CRON }),
        expect.objectContaining({ name: CONTACT_GAP_QUEUE, cron: CONTACT_GAP_CRON }),
        expect.objectContaining({ name: DASHBOARD_QUEUE, cron: DASHBOARD_CRON }),
      ]),
    );

    const healthCheckId = person.stage("health-check").id;
    const noticesToLead = () => db.notification.findMany({ where: { recipientId: healthLead.id } });
    const notices = await until("the lead's notice", noticesToLead, (rows) => rows.length > 0);
    expect(notices).toEqual([expect.objectContaining({ kind: "STAGE_OVERDUE", href: `/people/${person.personId}/stages/${healthCheckId}` })]);
    expect(first.sweeps.length).toBeGreaterThanOrEqual(1);

    await first.runner.stop();
    const before = await writtenForWorld();
    expect(before.escalations.filter((e) => e.stageId === healthCheckId).map((e) => e.level)).toEqual(["AGENCY_LEAD"]);

    // A new runner (as after a crash or a deploy) sweeps again: the stage is still overdue and open.
    const second = await startRunner();
    await until("a sweep by the new runner", async () => second.sweeps.length, (n) => n >= 1);
    await second.runner.stop();

    expect(await writtenForWorld()).toEqual(before);
    expect(await noticesToLead()).toEqual(notices);
  });
});
