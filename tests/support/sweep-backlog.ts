import type { Db } from "../../src/server/db/create-client";
import { runContactGapSweep, type ContactGapSweepResult } from "../../src/server/contacts/run-contact-gap-sweep";
import { runEscalationSweep, type SweepResult } from "../../src/server/escalation/run-escalation-sweep";

/**
 * Sweeps until nothing more is raised. One sweep escalates at most SWEEP_BATCH stages, most overdue
 * first; an integration worker's database holds every earlier file's overdue stages too, so a test
 * that needs its own stage escalated at `now` must clear that backlog (or it depends on file order).
 */
export async function sweepUntilNothingRaised(db: Db, now: Date): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for (let round = 0; round < 100; round++) {
    const result = await runEscalationSweep(db, now);
    results.push(result);
    if (Object.values(result.raised).every((count) => count === 0)) return results;
  }
  throw new Error("The escalation backlog did not clear in 100 sweeps");
}

/** Contact-gap sweeps until a sweep raises nothing: one raises at most CONTACT_GAP_BATCH gaps, longest first. */
export async function contactSweepUntilNothingRaised(db: Db, now: Date): Promise<ContactGapSweepResult[]> {
  const results: ContactGapSweepResult[] = [];
  for (let round = 0; round < 100; round++) {
    const result = await runContactGapSweep(db, now);
    results.push(result);
    if (result.gaps === 0) return results;
  }
  throw new Error("The contact-gap backlog did not clear in 100 sweeps");
}
