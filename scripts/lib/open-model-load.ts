// An open-model load generator: requests are sent on a fixed schedule whether or not earlier ones
// have answered, and each one's latency counts from the time it was due to be sent, so a server
// that falls behind is charged for the queue it builds (no "coordinated omission", as a closed loop
// of N connections would have).
import http from "node:http";

export type LoadTarget = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

export type LoadResult = {
  sent: number;
  /** 2xx and 3xx. */
  ok: number;
  /** 503 "service busy". */
  busy: number;
  /** Any other status, or no answer. */
  errors: number;
  /** Milliseconds from the scheduled send to the last byte, for the answered-ok requests. */
  okLatencies: number[];
  busyLatencies: number[];
  statuses: Record<string, number>;
  /** Body bytes of the ok answers. */
  okBytes: number[];
};

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarise(result: LoadResult) {
  const { okLatencies: l } = result;
  return { p50: percentile(l, 50), p95: percentile(l, 95), p99: percentile(l, 99), ...result };
}

function send(agent: http.Agent, base: URL, target: LoadTarget, timeoutMs: number): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve) => {
    let bytes = 0;
    const request = http.request(
      { agent, host: base.hostname, port: base.port, method: target.method ?? "GET", path: target.path, headers: target.headers, timeout: timeoutMs },
      (response) => {
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.once("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.once("error", () => resolve({ status: 0, bytes }));
      },
    );
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve({ status: 0, bytes }));
    request.end(target.body);
  });
}

/**
 * Sends `rate` requests a second for `seconds`, taking targets in turn from `next`, and waits for the
 * last answer. `timeoutMs` bounds how long one request may take before it counts as an error.
 */
export async function runOpenModel({
  baseUrl,
  rate,
  seconds,
  next,
  timeoutMs = 10_000,
}: {
  baseUrl: string;
  rate: number;
  seconds: number;
  next: (index: number) => LoadTarget;
  timeoutMs?: number;
}): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const result: LoadResult = { sent: 0, ok: 0, busy: 0, errors: 0, okLatencies: [], busyLatencies: [], statuses: {}, okBytes: [] };
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  const inFlight: Promise<void>[] = [];

  for (let index = 0; index < total; index++) {
    const due = start + index * interval;
    const wait = due - performance.now();
    // Sleep only when ahead of schedule; when behind, send at once and keep the original due time.
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = next(index);
    result.sent += 1;
    inFlight.push(
      send(agent, base, target, timeoutMs).then(({ status, bytes }) => {
        const latency = performance.now() - due;
        result.statuses[status] = (result.statuses[status] ?? 0) + 1;
        if (status >= 200 && status < 400) {
          result.ok += 1;
          result.okLatencies.push(latency);
          result.okBytes.push(bytes);
        } else if (status === 503) {
          result.busy += 1;
          result.busyLatencies.push(latency);
        } else result.errors += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return result;
}
