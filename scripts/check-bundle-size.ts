// After `next build`: the first-load JavaScript of every page route, gzipped, against the budget
// (issue 15: at most 150 kB gzip per route). Exits 1 when a route is over, naming it.
//
// First load is what a browser must fetch before the route runs: the root main files every page
// loads (build-manifest.json's rootMainFiles) and every chunk the route's segments need on entry
// (the entryJSFiles of its client reference manifest: the root layout, error and not-found
// boundaries, each nested layout and the page). Polyfills are left out, as Next leaves them out:
// they load only in browsers without modules. Chunks loaded later (dynamic imports) are not counted.
//
//   npx tsx scripts/check-bundle-size.ts [--json] [--budget-kb 150]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const NEXT_DIR = join(process.cwd(), ".next");
const args = process.argv.slice(2);
const budgetIndex = args.indexOf("--budget-kb");
const BUDGET_KB = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 150;

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(NEXT_DIR, path), "utf8")) as T;

const gzipCache = new Map<string, number>();
function gzippedBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(NEXT_DIR, file)), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** The manifest file sets globalThis.__RSC_MANIFEST[route]; run it in a sandbox and read it back. */
function entryJsFiles(pageFile: string): string[] {
  const manifestFile = join(NEXT_DIR, "server", pageFile.replace(/\.js$/, "_client-reference-manifest.js"));
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const manifests = Object.values(sandbox.__RSC_MANIFEST ?? {});
  return manifests.flatMap((manifest) => Object.values(manifest.entryJSFiles ?? {}).flat());
}

const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>("build-manifest.json");
const pages = readJson<Record<string, string>>("server/app-paths-manifest.json");

const routes = Object.entries(pages)
  .filter(([route]) => route.endsWith("/page") && !route.startsWith("/_"))
  .map(([route, file]) => {
    const files = [...new Set([...rootMainFiles, ...entryJsFiles(file)].map((f) => f.replace(/^\/?_next\//, "")))];
    const bytes = files.reduce((sum, f) => sum + gzippedBytes(f), 0);
    const path = route.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    return { route: path, kB: Math.round(bytes / 100) / 10 /* kB of 1,000 bytes, as Next reports */, files: files.length };
  })
  .sort((a, b) => b.kB - a.kB);

const over = routes.filter((route) => route.kB > BUDGET_KB);
if (args.includes("--json")) {
  console.log(JSON.stringify({ budgetKb: BUDGET_KB, routes }, null, 2));
} else {
  console.log(`First-load JavaScript per route (gzip), budget ${BUDGET_KB} kB:`);
  for (const route of routes) console.log(`${route.kB > BUDGET_KB ? "OVER" : "  ok"} ${route.kB.toFixed(1).padStart(6)} kB  ${route.route}`);
}
if (over.length > 0) {
  console.error(`${over.length} route(s) over ${BUDGET_KB} kB: ${over.map((route) => route.route).join(", ")}`);
  process.exit(1);
}
