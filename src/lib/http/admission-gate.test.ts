import { describe, expect, it } from "vitest";
import { createLane, laneFor, laneLimitsFromEnv } from "./admission-gate";

/** Timers the test fires by hand, in order of their due time. */
function manualTimers(randoms: number[] = []) {
  let now = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  return {
    setTimeout(callback: () => void, ms: number) {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle: unknown) {
      pending.delete(handle as number);
    },
    now: () => now,
    /** The next of `randoms`, then 0.5. */
    random: () => randoms.shift() ?? 0.5,
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        pending.delete(id);
        timer.callback();
      }
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

type TestLane = ReturnType<typeof createLane>;

/**
 * Makes a lane past capacity: 150 newcomers find its `places` taken (ten wait, the rest are refused
 * for a full queue), then all are served at once, with no time passing. The lane is idle again, at
 * the same time, its latency share untouched; only its counts moved, so a test compares `since`.
 */
async function makePastCapacity(lane: TestLane, places: number) {
  const held = await Promise.all(Array.from({ length: places }, () => lane.enter()));
  const waiting = Array.from({ length: 150 }, () => lane.enter());
  for (const ticket of held) ticket!.release();
  for (const waiter of waiting) (await waiter)?.release();
  expect(lane.stats()).toMatchObject({ inFlight: 0, queued: 0, shedShare: 0 });
  return lane.stats();
}

/** A lane's counts since `base`. */
function since(lane: TestLane, base: ReturnType<TestLane["stats"]>) {
  const now = lane.stats();
  return { ...now, admitted: now.admitted - base.admitted, refused: now.refused - base.refused };
}

describe("an admission lane", () => {
  it("lets requests in up to its limit, queues the next ones and hands a freed place to the longest waiting", async () => {
    const timers = manualTimers();
    const lane = createLane({ maxInFlight: 2, maxQueued: 2, maxWaitMs: 100, standingAfterMs: 0, standingWaitMs: 1, targetLatencyMs: 0 }, timers);
    const first = await lane.enter();
    const second = await lane.enter();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();

    const order: string[] = [];
    const third = lane.enter().then((ticket) => (order.push("third"), ticket));
    const fourth = lane.enter().then((ticket) => (order.push("fourth"), ticket));
    await settle();
    expect(order).toEqual([]);
    expect(lane.stats()).toMatchObject({ inFlight: 2, queued: 2 });

    first!.release();
    await settle();
    expect(order).toEqual(["third"]);
    expect(await third).not.toBeNull();
    second!.release();
    expect(await fourth).not.toBeNull();
    expect(lane.stats()).toMatchObject({ inFlight: 2, queued: 0, admitted: 4, refused: 0 });
  });

  it("refuses at once when the queue is full, and a waiter whose wait runs out", async () => {
    const timers = manualTimers();
    const lane = createLane({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 100, standingAfterMs: 0, standingWaitMs: 1, targetLatencyMs: 0 }, timers);
    const held = await lane.enter();
    const waiting = lane.enter();
    expect(await lane.enter()).toBeNull();

    timers.advance(99);
    await settle();
    expect(lane.stats().queued).toBe(1);
    timers.advance(1);
    expect(await waiting).toBeNull();
    expect(lane.stats()).toMatchObject({ inFlight: 1, queued: 0, refused: 2 });

    // The timed-out waiter is gone: the freed place is not handed to it.
    held!.release();
    expect(lane.stats().inFlight).toBe(0);
    expect(await lane.enter()).not.toBeNull();
  });

  it("gives a place back once, however many times a response ends", async () => {
    const lane = createLane({ maxInFlight: 1, maxQueued: 0, maxWaitMs: 100, standingAfterMs: 0, standingWaitMs: 1, targetLatencyMs: 0 }, manualTimers());
    const ticket = await lane.enter();
    ticket!.release();
    ticket!.release();
    expect(lane.stats().inFlight).toBe(0);
    const again = await lane.enter();
    expect(again).not.toBeNull();
    expect(await lane.enter()).toBeNull();
  });
});

describe("a queue that stops emptying", () => {
  const limits = { maxInFlight: 1, maxQueued: 10, maxWaitMs: 1000, standingAfterMs: 100, standingWaitMs: 10, targetLatencyMs: 0 };

  it("lets a burst wait the whole of maxWaitMs while the queue keeps emptying", async () => {
    const timers = manualTimers();
    const lane = createLane(limits, timers);
    const base = await makePastCapacity(lane, 1);
    for (let round = 0; round < 5; round++) {
      const held = await lane.enter();
      const waiting = lane.enter();
      // Served after 90 ms: well past the standing wait, within the burst wait.
      timers.advance(90);
      held!.release();
      const ticket = await waiting;
      expect(ticket, `round ${round}`).not.toBeNull();
      ticket!.release();
      timers.advance(50);
    }
    expect(since(lane, base)).toMatchObject({ admitted: 10, refused: 0 });
  });

  it("past capacity: once the queue has not been empty for standingAfterMs, a newcomer may wait only standingWaitMs", async () => {
    const timers = manualTimers();
    const lane = createLane(limits, timers);
    const base = await makePastCapacity(lane, 1);
    const held = await lane.enter();
    // The queue has been waiting since t = 0: the first waiter may wait the full second.
    const early = lane.enter();
    timers.advance(99);
    const beforeStanding = lane.enter();
    timers.advance(1);
    // 100 ms without the queue emptying: it is standing now.
    const late = lane.enter();
    timers.advance(9);
    await settle();
    expect(lane.stats().queued).toBe(3);
    timers.advance(1);
    expect(await late).toBeNull();
    expect(lane.stats().queued).toBe(2);
    // Those who came before it were promised the longer wait, but once the queue stands, one who has
    // waited past the standing wait is refused at its turn while another waits behind it: the place
    // goes to the next. The last in the queue is served (the place would stand empty otherwise).
    held!.release();
    expect(await early).toBeNull();
    const second = await beforeStanding;
    expect(second).not.toBeNull();
    expect(since(lane, base)).toMatchObject({ admitted: 2, refused: 2, queued: 0 });
  });

  it("past capacity: never lets in late a waiter who came during the burst", async () => {
    const timers = manualTimers();
    const lane = createLane({ ...limits, maxInFlight: 1, maxQueued: 10 }, timers);
    const base = await makePastCapacity(lane, 1);
    const held = await lane.enter();
    // A burst of five, each promised the long wait; the queue then stands, and new requests keep coming.
    const burst = Array.from({ length: 5 }, () => lane.enter());
    timers.advance(150);
    const fresh = lane.enter();
    timers.advance(5);
    held!.release();
    // All five waited 155 ms: each is refused in turn, and the place goes to the one who came 5 ms ago.
    for (const waiter of burst) expect(await waiter).toBeNull();
    const ticket = await fresh;
    expect(ticket).not.toBeNull();
    expect(since(lane, base)).toMatchObject({ inFlight: 1, queued: 0, admitted: 2, refused: 5 });
  });

  it("below capacity, a stall that fills the queue for longer than standingAfterMs keeps the long wait", async () => {
    const timers = manualTimers();
    const lane = createLane(limits, timers);
    // Most newcomers have found a free place: served one at a time.
    for (let i = 0; i < 50; i++) (await lane.enter())!.release();
    const held = await lane.enter();
    const waiters = [lane.enter(), lane.enter()];
    // A 300 ms stall: the queue has not emptied, but the lane is not past capacity.
    timers.advance(300);
    const late = lane.enter();
    timers.advance(20);
    held!.release();
    for (const waiter of waiters) (await waiter)!.release();
    expect(await late).not.toBeNull();
    expect(lane.stats().refused).toBe(0);
  });

  it("after the queue empties, a burst may wait long again", async () => {
    const timers = manualTimers();
    const lane = createLane(limits, timers);
    await makePastCapacity(lane, 1);
    const held = await lane.enter();
    const waiter = lane.enter();
    timers.advance(200);
    // Standing: refused after 10 ms.
    const refused = lane.enter();
    timers.advance(10);
    expect(await refused).toBeNull();
    held!.release();
    (await waiter)!.release();
    // Empty again: the next queue starts afresh.
    const next = await lane.enter();
    const patient = lane.enter();
    timers.advance(500);
    next!.release();
    expect(await patient).not.toBeNull();
  });

  it("with standingAfterMs 0, never shortens the wait", async () => {
    const timers = manualTimers();
    const lane = createLane({ ...limits, standingAfterMs: 0 }, timers);
    const held = await lane.enter();
    const first = lane.enter();
    timers.advance(500);
    const second = lane.enter();
    timers.advance(400);
    held!.release();
    (await first)!.release();
    expect(await second).not.toBeNull();
  });
});

describe("admitted requests slower than the target latency", () => {
  const limits = { maxInFlight: 2, maxQueued: 10, maxWaitMs: 1000, standingAfterMs: 0, standingWaitMs: 10, targetLatencyMs: 40 };

  /** Serves `count` requests one after another, each taking `ms` from arrival to response. */
  async function serve(lane: ReturnType<typeof createLane>, timers: ReturnType<typeof manualTimers>, count: number, ms: number) {
    for (let i = 0; i < count; i++) {
      const ticket = await lane.enter();
      timers.advance(ms);
      ticket?.release();
    }
  }

  it("admits everyone while responses take less than the target, even with both places full", async () => {
    const timers = manualTimers(Array(100).fill(0));
    const lane = createLane(limits, timers);
    await serve(lane, timers, 50, 30);
    const a = await lane.enter();
    const b = await lane.enter();
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(lane.stats()).toMatchObject({ refused: 0, shedShare: 0 });
  });

  it("refuses a growing share of newcomers to a busy lane while responses are late, and none once they are quick again", async () => {
    const timers = manualTimers([0.1, 0.9]);
    const lane = createLane(limits, timers);
    await makePastCapacity(lane, 2);
    const refusedBefore = lane.stats().refused;
    // 15 responses at twice the target: the share refused rises 2 points with each.
    await serve(lane, timers, 15, 80);
    expect(lane.stats().shedShare).toBeCloseTo(0.3);
    // An idle lane admits whatever it would draw; once busy, a newcomer drawing 0.1 (under the share)
    // is refused and one drawing 0.9 is let in.
    const first = await lane.enter();
    expect(first).not.toBeNull();
    expect(await lane.enter()).toBeNull();
    const second = await lane.enter();
    expect(second).not.toBeNull();
    expect(lane.stats()).toMatchObject({ refused: refusedBefore + 1, inFlight: 2 });
    first!.release();
    second!.release();
    // Quick responses (a quarter of the target) bring the share back down to nothing.
    await serve(lane, timers, 60, 10);
    expect(lane.stats().shedShare).toBe(0);
  });

  it("counts a very long response as at most three targets late, so one long request does not close the lane", async () => {
    const timers = manualTimers();
    const lane = createLane(limits, timers);
    await makePastCapacity(lane, 2);
    await serve(lane, timers, 1, 2000);
    expect(lane.stats().shedShare).toBeCloseTo(0.04);
  });

  it("does not raise the share for slow pages while newcomers seldom find every place taken (a process warming up)", async () => {
    const timers = manualTimers(Array(100).fill(0));
    const lane = createLane(limits, timers);
    // Responses at three times the target, one at a time: slow, but never full.
    await serve(lane, timers, 50, 120);
    const held = await lane.enter();
    expect(await lane.enter()).not.toBeNull();
    expect(lane.stats()).toMatchObject({ refused: 0, shedShare: 0 });
    held!.release();
  });

  it("once newcomers stop finding every place taken, lets the share drain away even while pages stay slow", async () => {
    const timers = manualTimers();
    const lane = createLane(limits, timers);
    await makePastCapacity(lane, 2);
    await serve(lane, timers, 15, 80);
    expect(lane.stats().shedShare).toBeCloseTo(0.3);
    // Still twice the target, but the lane is no longer full: the share falls to nothing.
    await serve(lane, timers, 200, 80);
    expect(lane.stats().shedShare).toBe(0);
  });

  it("counts newcomers it turns away as finding the lane full, so shedding alone does not end the overload it answers", async () => {
    const timers = manualTimers(Array(100).fill(0));
    const lane = createLane(limits, timers);
    await makePastCapacity(lane, 2);
    await serve(lane, timers, 15, 80);
    const share = lane.stats().shedShare;
    expect(share).toBeCloseTo(0.3);
    // One place of two taken; a hundred newcomers, every one drawn under the share: all turned away.
    const held = await lane.enter();
    for (let i = 0; i < 100; i++) expect(await lane.enter()).toBeNull();
    // Still past capacity: a late response raises the share (below capacity it would fall).
    timers.advance(80);
    held!.release();
    expect(lane.stats().shedShare).toBeCloseTo(share + 0.02);
  });

  it("with targetLatencyMs 0, never refuses for lateness", async () => {
    const timers = manualTimers(Array(10).fill(0));
    const lane = createLane({ ...limits, targetLatencyMs: 0 }, timers);
    await serve(lane, timers, 50, 500);
    const held = await lane.enter();
    expect(await lane.enter()).not.toBeNull();
    expect(lane.stats()).toMatchObject({ refused: 0, shedShare: 0 });
    held!.release();
  });
});

describe("which lane a request takes", () => {
  it("keeps the sign-in pages apart from other pages, and lets build assets, the live stream and sign-in posts through", () => {
    expect(laneFor("GET", "/queue")).toBe("main");
    expect(laneFor("POST", "/people/4a0f3c1e-0000-4000-8000-000000000000")).toBe("main");
    expect(laneFor("GET", "/sign-in")).toBe("sign-in");
    expect(laneFor("GET", "/sign-in/code")).toBe("sign-in");
    expect(laneFor("GET", "/api/auth/session")).toBe("sign-in");
    // Bounded by the password-hash limiter, which says "busy" on the page itself.
    expect(laneFor("POST", "/sign-in")).toBe("unlimited");
    expect(laneFor("POST", "/api/auth/callback/credentials")).toBe("unlimited");
    expect(laneFor("GET", "/_next/static/chunks/app.js")).toBe("unlimited");
    expect(laneFor("GET", "/api/live")).toBe("unlimited");
    // Only the exact paths: a look-alike is an ordinary page.
    expect(laneFor("GET", "/sign-inx")).toBe("main");
    expect(laneFor("POST", "/sign-inx")).toBe("main");
    expect(laneFor("GET", "/api/livex")).toBe("main");
    expect(laneFor("GET", "/_next/data/x")).toBe("main");
    // A link prefetch never waits in the pages' lane.
    expect(laneFor("GET", "/people", { prefetch: true })).toBe("prefetch");
    expect(laneFor("GET", "/people")).toBe("main");
  });
});

describe("the lanes' limits from the environment", () => {
  it("takes whole positive numbers and ignores anything else", () => {
    const limits = laneLimitsFromEnv({ VCP_MAX_IN_FLIGHT: "3", VCP_MAX_QUEUED: "0x10", VCP_MAX_WAIT_MS: "-5", VCP_MAX_IN_FLIGHT_SIGN_IN: "0" });
    expect(limits.main).toEqual({ maxInFlight: 3, maxQueued: 64, maxWaitMs: 1000, standingAfterMs: 100, standingWaitMs: 10, targetLatencyMs: 40 });
    expect(limits["sign-in"].maxInFlight).toBe(4);
    // The standing-queue rule can be switched off; its wait cannot be zero.
    expect(laneLimitsFromEnv({ VCP_STANDING_AFTER_MS: "0", VCP_STANDING_WAIT_MS: "0" }).main).toMatchObject({ standingAfterMs: 0, standingWaitMs: 10 });
    expect(laneLimitsFromEnv({ VCP_STANDING_AFTER_MS: "1e3" }).main.standingAfterMs).toBe(100);
    // The latency rule guards the pages' lane only, at 40 ms unless set (0 switches it off).
    expect(laneLimitsFromEnv({ VCP_TARGET_LATENCY_MS: "0" }).main.targetLatencyMs).toBe(0);
    expect(limits["sign-in"].targetLatencyMs).toBe(0);
    expect(laneLimitsFromEnv({ VCP_TARGET_LATENCY_MS: "25" })["sign-in"].targetLatencyMs).toBe(0);
    expect(laneLimitsFromEnv({ VCP_TARGET_LATENCY_MS: "25" }).main.targetLatencyMs).toBe(25);
  });
});
