import "server-only";
import PgBoss from "pg-boss";
import type { Db } from "../db/create-client";
import { refreshStaleDashboardMonths } from "../dashboard/summary/refresh-summaries";
import { runContactGapSweep, type ContactGapSweepResult } from "../contacts/run-contact-gap-sweep";
import { runEscalationSweep, type SweepResult } from "../escalation/run-escalation-sweep";

export const ESCALATION_QUEUE = "escalation-sweep";
/** Every minute: escalation thresholds are in minutes. */
export const ESCALATION_CRON = "* * * * *";
export const CONTACT_GAP_QUEUE = "contact-gap-sweep";
/** Every minute, like escalation: a gap is raised within a minute of reaching the partnership's limit. */
export const CONTACT_GAP_CRON = "* * * * *";
export const DASHBOARD_QUEUE = "dashboard-summaries";
/** Every minute: the dashboard rebuilds what is still stale when it reads, so this only saves it the wait. */
export const DASHBOARD_CRON = "* * * * *";
/**
 * pg-boss keeps its tables in their own schema, apart from the app's. The owner installs it in a Prisma
 * migration (20261201120000_database_roles): the app's role may not create schemas, so pg-boss must
 * not try. Upgrading pg-boss to a new schema version needs a migration (PgBoss.getMigrationPlans);
 * until then the runner refuses to start ("pg-boss database requires migrations").
 */
export const JOB_SCHEMA = "pgboss";

export type JobRunner = {
  boss: PgBoss;
  /** Stops taking jobs, lets a running sweep finish (up to `timeoutMs`), and closes the pool. */
  stop(timeoutMs?: number): Promise<void>;
};

export type JobRunnerOptions = {
  connectionString: string;
  /** The Prisma client the sweep writes through. */
  db: Db;
  /** Connections pg-boss may open (its polling, cron and maintenance share them). */
  poolMax?: number;
  /** How often an idle worker looks for a job. */
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
  /** Called after each sweep has committed (tests wait on it). */
  onSweep?: (result: SweepResult) => void;
  /** Called after each contact-gap sweep has committed (tests wait on it). */
  onContactSweep?: (result: ContactGapSweepResult) => void;
};

/**
 * Starts pg-boss on the app's database and works the escalation sweep: every minute by cron, and once
 * straight away. The queue is "stately" (at most one sweep waiting and one running), so a slow sweep
 * never piles up a backlog of sweeps. pg-boss only decides *when* a sweep runs: each escalation is sent
 * once because of the Escalation table's unique key and the notices' dedupe keys, written in the same
 * transaction, so a restarted runner, a retried job or a second server sends nothing twice.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const log = options.log ?? ((line: string) => console.log(line));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_SCHEMA,
    migrate: false,
    application_name: "vcp-jobs",
    max: options.poolMax ?? 3,
    // A sweep a minute: keep an hour of finished jobs to look at, then archive and delete after a week.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 7,
  });
  boss.on("error", (error: Error) => console.error(`Job runner: ${error.message}`));

  await boss.start();
  try {
    await boss.createQueue(ESCALATION_QUEUE, { name: ESCALATION_QUEUE, policy: "stately", retryLimit: 2, retryDelay: 30, expireInSeconds: 5 * 60 });
    await boss.work(ESCALATION_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (): Promise<SweepResult> => {
      const result = await runEscalationSweep(options.db, new Date()).catch((error: unknown) => {
        // pg-boss records the failure on the job and retries it; say so where people look.
        console.error(`Escalation sweep failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      });
      const { AGENCY_LEAD, COORDINATOR, PCC_OFFICE } = result.raised;
      if (AGENCY_LEAD + COORDINATOR + PCC_OFFICE > 0) {
        log(`Escalation sweep: ${AGENCY_LEAD} to agency leads, ${COORDINATOR} to coordinators, ${PCC_OFFICE} to the PCC office; ${result.notices} notices sent`);
      }
      options.onSweep?.(result);
      return result;
    });
    await boss.schedule(ESCALATION_QUEUE, ESCALATION_CRON);
    // Once per gap in contact: the ContactGapNotice key and the notices' dedupe keys, as above.
    await boss.createQueue(CONTACT_GAP_QUEUE, { name: CONTACT_GAP_QUEUE, policy: "stately", retryLimit: 2, retryDelay: 30, expireInSeconds: 5 * 60 });
    await boss.work(CONTACT_GAP_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (): Promise<ContactGapSweepResult> => {
      const result = await runContactGapSweep(options.db, new Date()).catch((error: unknown) => {
        console.error(`Contact gap sweep failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      });
      if (result.gaps > 0) log(`Contact gap sweep: ${result.gaps} gaps in contact raised; ${result.notices} notices sent`);
      options.onContactSweep?.(result);
      return result;
    });
    await boss.schedule(CONTACT_GAP_QUEUE, CONTACT_GAP_CRON);
    await boss.createQueue(DASHBOARD_QUEUE, { name: DASHBOARD_QUEUE, policy: "stately", retryLimit: 1, expireInSeconds: 10 * 60 });
    await boss.work(DASHBOARD_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
      const rebuilt = await refreshStaleDashboardMonths(options.db).catch((error: unknown) => {
        console.error(`Dashboard summaries failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      });
      return { rebuilt };
    });
    await boss.schedule(DASHBOARD_QUEUE, DASHBOARD_CRON);
    // Null when a sweep is already waiting (stately queue): that one will do.
    await boss.send(ESCALATION_QUEUE, {});
    await boss.send(CONTACT_GAP_QUEUE, {});
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }

  log(`Job runner started (pg-boss, schema "${JOB_SCHEMA}"): overdue escalation sweep, contact-gap sweep and dashboard summaries every minute`);
  return {
    boss,
    stop: (timeoutMs = 10_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}
