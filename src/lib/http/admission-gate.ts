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
  /** How long a request may wait before it is refused. */
  maxWaitMs: number;
};

export type Ticket = { release(): void };

export type LaneStats = { inFlight: number; queued: number; admitted: number; refused: number };

export type Lane = {
  /** A ticket once a place is free, or null when the queue is full or the wait ran out. */
  enter(): Promise<Ticket | null>;
  stats(): LaneStats;
};

type Timers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createLane(limits: LaneLimits, timers: Timers = realTimers): Lane {
  let inFlight = 0;
  let admitted = 0;
  let refused = 0;
  type Waiter = { resolve(ticket: Ticket | null): void; timer: unknown };
  const queue: Waiter[] = [];

  function ticket(): Ticket {
    let released = false;
    inFlight += 1;
    admitted += 1;
    return {
      release() {
        // A response can end twice (finish, then close): the place is given back once.
        if (released) return;
        released = true;
        inFlight -= 1;
        const next = queue.shift();
        if (next) {
          timers.clearTimeout(next.timer);
          next.resolve(ticket());
        }
      },
    };
  }

  return {
    enter() {
      if (inFlight < limits.maxInFlight && queue.length === 0) return Promise.resolve(ticket());
      if (queue.length >= limits.maxQueued) {
        refused += 1;
        return Promise.resolve(null);
      }
      return new Promise((resolve) => {
        const waiter: Waiter = {
          resolve,
          timer: timers.setTimeout(() => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            refused += 1;
            resolve(null);
          }, limits.maxWaitMs),
        };
        queue.push(waiter);
      });
    },
    stats: () => ({ inFlight, queued: queue.length, admitted, refused }),
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

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return fallback;
  const number = Number(value);
  return number > 0 ? number : fallback;
}

/**
 * The lanes' limits, from the environment (VCP_MAX_IN_FLIGHT, VCP_MAX_QUEUED, VCP_MAX_WAIT_MS and the
 * same with _SIGN_IN), with defaults measured on a 2-core machine (README, Performance).
 */
export function laneLimitsFromEnv(env: Record<string, string | undefined>): Record<"main" | "sign-in" | "prefetch", LaneLimits> {
  return {
    main: {
      maxInFlight: positive(env.VCP_MAX_IN_FLIGHT, 8),
      maxQueued: positive(env.VCP_MAX_QUEUED, 64),
      maxWaitMs: positive(env.VCP_MAX_WAIT_MS, 2000),
    },
    prefetch: { maxInFlight: positive(env.VCP_MAX_IN_FLIGHT_PREFETCH, 4), maxQueued: 0, maxWaitMs: 1 },
    "sign-in": {
      maxInFlight: positive(env.VCP_MAX_IN_FLIGHT_SIGN_IN, 4),
      maxQueued: positive(env.VCP_MAX_QUEUED_SIGN_IN, 16),
      maxWaitMs: positive(env.VCP_MAX_WAIT_MS_SIGN_IN, 1000),
    },
  };
}
