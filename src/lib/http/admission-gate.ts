/**
 * Admission control for the app server: past what the machine can serve, a request waits in a short,
 * bounded queue or is answered at once with "service busy" (503), so the requests already let in, and
 * the sign-in page, keep their speed instead of everyone slowing down together (docs/decisions/0023).
 * Pure: no timers are read except through the injected clock, so the rules are unit-tested.
 */

export type LaneLimits = {
  /** Requests served at once. */
  maxInFlight: number;
  /** Requests that may wait for a place; one more is refused at once. */
  maxQueued: number;
  /** How long a request may wait before it is refused, while the queue keeps emptying. */
  maxWaitMs: number;
  /**
   * A queue that has not been empty for this long, while most newcomers find every place taken, is
   * standing: the lane is past capacity, not in a burst (0: never). A request arriving then may wait
   * only `standingWaitMs`, and one already waiting longer is refused at its turn.
   */
  standingAfterMs: number;
  standingWaitMs: number;
  /**
   * The time from arrival to response that admitted requests should average (0: no such rule). Past
   * capacity, a share of newcomers is refused while the lane is busy, a share that grows while
   * admitted requests take longer than this and shrinks while they take less.
   */
  targetLatencyMs: number;
};

export type Ticket = { release(): void };

export type LaneStats = { inFlight: number; queued: number; admitted: number; refused: number; shedShare: number };

export type Lane = {
  /** A ticket once a place is free, or null when the queue is full or the wait ran out. */
  enter(): Promise<Ticket | null>;
  stats(): LaneStats;
};

type Timers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  /** A number in [0, 1): which newcomers the latency rule refuses. */
  random(): number;
};

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
  random: () => Math.random(),
};

/**
 * How far one response moves the share refused, per target's worth of lateness: a response twice
 * the target late raises it by 2 points, one taking half the target lowers it by 1. At the hundred or
 * so responses a second a busy process sends, the share settles within a second. One response counts
 * as at most three targets late, so a long request (a 60-person rescue) does not shut the lane alone.
 */
const SHED_GAIN = 0.02;
const MAX_LATENESS = 3;
/**
 * Lateness alone does not say the lane is past capacity: a process just started (code not yet
 * compiled, connections not yet open) is slow at any rate. The share grows only while most newcomers
 * find every place taken (a moving share of arrivals, over the last fifty or so: under a second past
 * capacity); otherwise it only falls, by at least a quarter of a target's worth a response. So a lane
 * below capacity refuses nobody however slow its pages, and what an overload left drains away after.
 */
const FULL_SHARE_WEIGHT = 0.02;
const PAST_CAPACITY_FULL_SHARE = 0.5;
/** A queue stands only while at least this share of newcomers find every place taken (the lane is filling). */
const STANDING_FULL_SHARE = 0.3;
const QUIET_LATENESS = -0.25;

/**
 * How long a request may wait follows the queue (the "controlled delay" rule of Nichols and
 * Jacobson's CoDel, as "Fail at Scale", ACM Queue 2015, applies it to request queues): a queue that
 * empties now and then is a burst, which a wait of up to `maxWaitMs` absorbs; one that has not been
 * empty for `standingAfterMs` while most newcomers find every place taken means more arrives than
 * can be served, and then a newcomer may wait only `standingWaitMs`, and one already waiting longer
 * is refused at its turn while another waits behind it. Past capacity the surplus is refused within
 * a few milliseconds and those let in waited little, instead of every admitted request waiting the
 * whole of `maxWaitMs` (decision records 0040 and 0045).
 *
 * That bounds the wait, not the time a page takes once in: past capacity the places are always full
 * and pages share the cores with each other and with Postgres, so each takes longer. With
 * `targetLatencyMs`, the lane also watches how long its admitted requests take from arrival to
 * response and, while that is over the target, refuses a share of newcomers that finds the lane busy
 * (an integral controller, as PIE, RFC 8033, drops packets against a target queue delay): the lane
 * then admits what the machine can serve within the target, not all it can serve. The share grows
 * only past capacity (`PAST_CAPACITY_FULL_SHARE`), so slow pages alone never refuse anyone.
 */
export function createLane(limits: LaneLimits, timers: Timers = realTimers): Lane {
  let inFlight = 0;
  let admitted = 0;
  let refused = 0;
  /**
   * When the queue was last empty: set by each arrival that finds it so. The queue fills only through
   * arrivals, so it has held waiters without a break since then.
   */
  let lastEmptyAt = timers.now();
  /** The share of newcomers refused while the lane is busy (the latency rule). */
  let shedShare = 0;
  /** The moving share of arrivals that found every place taken. */
  let fullShare = 0;
  type Waiter = { resolve(ticket: Ticket | null): void; timer: unknown; arrivedAt: number };
  const queue: Waiter[] = [];

  /** Past capacity: most newcomers find every place taken. */
  const pastCapacity = () => fullShare >= PAST_CAPACITY_FULL_SHARE;

  /**
   * A standing queue: not empty for `standingAfterMs` while the lane is filling (`STANDING_FULL_SHARE`).
   * A stall of a few hundred milliseconds (a pause for garbage collection, a neighbour on the machine)
   * fills the queue without the lane filling; its waiters keep the long wait.
   */
  const isStanding = (now: number) => limits.standingAfterMs > 0 && fullShare >= STANDING_FULL_SHARE && now - lastEmptyAt >= limits.standingAfterMs;

  function observe(latencyMs: number) {
    if (limits.targetLatencyMs <= 0) return;
    let lateness = Math.min(latencyMs / limits.targetLatencyMs, MAX_LATENESS) - 1;
    if (!pastCapacity()) lateness = Math.min(lateness, QUIET_LATENESS);
    shedShare = Math.min(1, Math.max(0, shedShare + SHED_GAIN * lateness));
  }

  function ticket(arrivedAt: number): Ticket {
    let released = false;
    inFlight += 1;
    admitted += 1;
    return {
      release() {
        // A response can end twice (finish, then close): the place is given back once.
        if (released) return;
        released = true;
        inFlight -= 1;
        const now = timers.now();
        observe(now - arrivedAt);
        // Once the queue stands, a waiter who came while it was still a burst (and was promised the
        // long wait) and has waited past `standingWaitMs` is refused at its turn: the place goes to
        // one who has not, so nobody is let in late (CoDel's drop at dequeue).
        const standing = isStanding(now);
        for (let next = queue.shift(); next; next = queue.shift()) {
          timers.clearTimeout(next.timer);
          if (standing && now - next.arrivedAt > limits.standingWaitMs && queue.length > 0) {
            refused += 1;
            next.resolve(null);
            continue;
          }
          next.resolve(ticket(next.arrivedAt));
          break;
        }
      },
    };
  }

  return {
    enter() {
      const arrivedAt = timers.now();
      if (queue.length === 0) lastEmptyAt = arrivedAt;
      const standing = isStanding(arrivedAt);
      // An idle lane always admits: its next response is how the share learns the load has gone.
      const shed = inFlight > 0 && shedShare > 0 && timers.random() < shedShare;
      // One turned away by the latency rule counts as finding the lane full: shedding empties places
      // that the load would fill, and must not by that alone end the overload it answers.
      fullShare += FULL_SHARE_WEIGHT * ((shed || inFlight >= limits.maxInFlight ? 1 : 0) - fullShare);
      if (shed) {
        refused += 1;
        return Promise.resolve(null);
      }
      if (inFlight < limits.maxInFlight && queue.length === 0) return Promise.resolve(ticket(arrivedAt));
      if (queue.length >= limits.maxQueued) {
        refused += 1;
        return Promise.resolve(null);
      }
      const waitMs = standing ? Math.min(limits.standingWaitMs, limits.maxWaitMs) : limits.maxWaitMs;
      return new Promise((resolve) => {
        const waiter: Waiter = {
          resolve,
          arrivedAt,
          timer: timers.setTimeout(() => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            refused += 1;
            resolve(null);
          }, waitMs),
        };
        queue.push(waiter);
      });
    },
    stats: () => ({ inFlight, queued: queue.length, admitted, refused, shedShare }),
  };
}

export type LaneName = "main" | "sign-in" | "prefetch" | "unlimited";

/**
 * Which lane a request goes through. The sign-in pages have their own, so a flood of page requests
 * cannot lock people out and a flood of sign-in pages cannot starve the rest. Posting a password or
 * a code is let through: the password hashes it starts are bounded on their own, and their surplus is
 * told "busy" on the sign-in page itself (src/server/auth/hash-limiter.ts). Build assets are cheap and
 * cached; the live-updates stream stays open as long as a page is, so counting it would fill the lane
 * with idle connections.
 */
export function laneFor(method: string, path: string, { prefetch = false }: { prefetch?: boolean } = {}): LaneName {
  if (path.startsWith("/_next/static/") || path === "/icon.svg" || path === "/favicon.ico" || path === "/robots.txt") return "unlimited";
  if (path === "/api/live") return "unlimited";
  const signIn = path === "/sign-in" || path.startsWith("/sign-in/") || path.startsWith("/api/auth/");
  if (signIn) return method === "POST" ? "unlimited" : "sign-in";
  // A page opens with a prefetch of every link on it: a burst from one person. Prefetches have a lane
  // of their own that never waits, so they cannot crowd out real requests; one refused costs nothing
  // (the link is fetched when it is followed).
  if (prefetch) return "prefetch";
  return "main";
}

/** Seconds a refused client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;

export const BUSY_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Error: Sorry, the service is busy – Victim Care Pathway</title></head>
<body><h1>Sorry, the service is busy</h1>
<p>Too many people are using the service at this moment. Nothing you sent was saved.</p>
<p>Wait a few seconds, then try again.</p></body></html>`;

function wholeOrZero(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : fallback;
}

function positive(value: string | undefined, fallback: number): number {
  const number = wholeOrZero(value, fallback);
  return number > 0 ? number : fallback;
}

/**
 * The lanes' limits, from the environment (VCP_MAX_IN_FLIGHT, VCP_MAX_QUEUED, VCP_MAX_WAIT_MS,
 * VCP_STANDING_AFTER_MS (0: no standing-queue rule), VCP_STANDING_WAIT_MS, VCP_TARGET_LATENCY_MS
 * (0: no latency rule; pages only, decision records 0043 and 0045), and the first three with
 * _SIGN_IN), per server process, with defaults measured on a 2-core machine (README, Performance):
 * a page costs a process about 20 ms of CPU, so two in flight keep it busy while one waits for
 * Postgres, and a long request (a 60-person rescue) leaves a place for the pages behind it; more would
 * only make each of them slower (decision record 0040).
 */
export function laneLimitsFromEnv(env: Record<string, string | undefined>): Record<"main" | "sign-in" | "prefetch", LaneLimits> {
  const standingAfterMs = wholeOrZero(env.VCP_STANDING_AFTER_MS, 100);
  const standingWaitMs = positive(env.VCP_STANDING_WAIT_MS, 10);
  return {
    main: {
      maxInFlight: positive(env.VCP_MAX_IN_FLIGHT, 2),
      maxQueued: positive(env.VCP_MAX_QUEUED, 64),
      maxWaitMs: positive(env.VCP_MAX_WAIT_MS, 1000),
      standingAfterMs,
      standingWaitMs,
      // 40 ms: past capacity, admitted pages then keep p95 under 100 ms on a 2-core machine (0045).
      targetLatencyMs: wholeOrZero(env.VCP_TARGET_LATENCY_MS, 40),
    },
    prefetch: { maxInFlight: positive(env.VCP_MAX_IN_FLIGHT_PREFETCH, 4), maxQueued: 0, maxWaitMs: 1, standingAfterMs: 0, standingWaitMs: 1, targetLatencyMs: 0 },
    "sign-in": {
      maxInFlight: positive(env.VCP_MAX_IN_FLIGHT_SIGN_IN, 4),
      maxQueued: positive(env.VCP_MAX_QUEUED_SIGN_IN, 16),
      maxWaitMs: positive(env.VCP_MAX_WAIT_MS_SIGN_IN, 1000),
      standingAfterMs,
      standingWaitMs,
      // The sign-in page is light and has its own lane: its waits are bounded, its time is not traded.
      targetLatencyMs: 0,
    },
  };
}
