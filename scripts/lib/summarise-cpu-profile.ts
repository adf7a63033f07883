// Where a server's CPU went, from a V8 .cpuprofile (node --cpu-prof; scripts/bench-cpu.ts --cpu-prof):
//   npx tsx scripts/lib/summarise-cpu-profile.ts FILE.cpuprofile [--from MS] [--to MS] [--top 40]
// --from and --to keep only samples taken that many milliseconds after the profile began (bench-cpu
// prints when its measured requests began and ended), leaving start-up and warm-up out. Prints the
// functions with the most self time, and the time spent inside each source file or package
// (inclusive: a sample counts once for every file on its stack).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string" }, to: { type: "string" }, top: { type: "string", default: "40" } },
});
const profile = JSON.parse(readFileSync(positionals[0]!, "utf8")) as Profile;
const fromUs = values.from ? Number(values.from) * 1000 : -Infinity;
const toUs = values.to ? Number(values.to) * 1000 : Infinity;
const top = Number(values.top);

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/** A short name for where a function lives: the package, or the file under the project or the build. */
function placeOf(url: string): string {
  if (!url) return "(native)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const chunk = url.match(/\.next\/server\/(.*)$/);
  if (chunk) return `.next/${chunk[1]}`;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
// Each sample charged to the innermost frame of the app, the build or a package on its stack: Node's
// own streams, timers and crypto are charged to whoever called them.
const owner = new Map<string, number>();
let total = 0;
let elapsed = 0;
for (let i = 0; i < profile.samples.length; i++) {
  elapsed += profile.timeDeltas[i]!;
  if (elapsed < fromUs || elapsed > toUs) continue;
  const weight = profile.timeDeltas[i + 1] ?? 0;
  total += weight;
  const node = byId.get(profile.samples[i]!)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"}  ${placeOf(url)}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + weight);
  const places = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const frame = byId.get(id)!.callFrame;
    if (frame.url) places.add(placeOf(frame.url));
  }
  for (const place of places) inclusive.set(place, (inclusive.get(place) ?? 0) + weight);
  let charged = functionName.startsWith("(") && !url ? functionName : "(node internals)";
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const frame = byId.get(id)!.callFrame;
    if (frame.url && !frame.url.startsWith("node:")) {
      charged = placeOf(frame.url);
      break;
    }
  }
  owner.set(charged, (owner.get(charged) ?? 0) + weight);
}

const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
const share = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
console.log(`Samples in window: ${ms(total)} of CPU.`);
console.log(`\nTop ${top} functions by self time:`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(us).padStart(7)} ${ms(us).padStart(9)}  ${key}`);
console.log(`\nTop ${top} owners (innermost file or package on the stack, self time):`);
for (const [key, us] of [...owner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(us).padStart(7)} ${ms(us).padStart(9)}  ${key}`);
console.log(`\nTop ${top} files and packages, inclusive:`);
for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(us).padStart(7)} ${ms(us).padStart(9)}  ${key}`);
