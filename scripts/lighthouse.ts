// Lighthouse mobile performance on the pages issue 15 names (target: at least 90 each), against
// the production build with the demo seed. Not part of CI: each page is a full Lighthouse run
// (15–40 s on two cores), and the score moves with the machine's load, which is printed beside it.
//
//   npx tsx scripts/lighthouse.ts [--port 3307] [--base-url http://127.0.0.1:3307] [--json]
//
// With no --base-url it starts the e2e server (fresh database, demo seed, the existing .next build:
// run `next build` first) on --port and stops it afterwards. Chromium is Debian's
// (/usr/lib/chromium/chromium, or CHROMIUM_PATH), driven by Playwright, which signs in (password and
// TOTP code, as a person would) and hands Lighthouse the session cookie as a header.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { chromium, type BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../prisma/demo-accounts";
import { TOTP_DIGITS, totpStepAt } from "../src/domain/auth/totp-steps";
import { stopChild } from "./lib/spawn";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const port = Number(option("--port") ?? 3307);
const debuggingPort = port + 6000;
const TARGET = 90;
const CASEWORKER = "police.caseworker@demo.example";
const PCC = "pcc@demo.example";

function startServer(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
    env: {
      ...process.env,
      E2E_PORT: String(port),
      SKIP_BUILD: "1",
      AUTH_SECRET: `lighthouse-${process.pid}-not-for-production-0123456789abcdef`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the e2e server exited (code ${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("e2e databases ready")) resolve({ child, baseUrl: `http://127.0.0.1:${port}` });
    });
  });
}

/** Both steps of signing in, in the browser, as the e2e helper does; each account once per run. */
async function signIn(context: BrowserContext, baseUrl: string, email: string): Promise<string> {
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/sign-in\/code$/);
  const code = generateHOTP(decodeBase32IgnorePadding(DEMO_TOTP_SECRET), BigInt(totpStepAt(new Date())), TOTP_DIGITS);
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.close();
  const cookies = await context.cookies(baseUrl);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

async function firstPersonPath(context: BrowserContext, baseUrl: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/people`);
  const href = await page.locator('main a[href^="/people/"]').first().getAttribute("href");
  await page.close();
  if (!href) throw new Error("no person on /people to measure");
  return href.split("?")[0]!;
}

/**
 * One Lighthouse run through its own CLI under plain node: run in this process, tsx's transform
 * would reach Lighthouse's page functions, which it sends to the browser as text, and they would
 * fail there ("__name is not defined").
 */
async function measure(url: string, cookie: string | null) {
  const cli = join(process.cwd(), "node_modules", "lighthouse", "cli", "index.js");
  const flags = [
    url,
    `--port=${debuggingPort}`,
    "--only-categories=performance",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    // Keep the session cookie: Lighthouse clears the origin's storage by default.
    "--disable-storage-reset",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...flags], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`lighthouse exited ${code} for ${url}`))));
  });
  const lhr = JSON.parse(output) as {
    categories: { performance?: { score: number | null } };
    audits: Record<string, { displayValue?: string }>;
    runtimeError?: { message: string };
  };
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? "";
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: metric("first-contentful-paint"),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    error: lhr.runtimeError?.message,
  };
}

async function main() {
  const given = option("--base-url");
  const server = given ? null : await startServer();
  const baseUrl = given ?? server!.baseUrl;
  const profile = mkdtempSync(join(tmpdir(), "vcp-lighthouse-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/lib/chromium/chromium",
    headless: true,
    args: [
      `--remote-debugging-port=${debuggingPort}`,
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const rows: { page: string; path: string; score: number; fcp: string; lcp: string; tbt: string; cls: string; error?: string }[] = [];
  try {
    rows.push({ page: "Sign in", path: "/sign-in", ...(await measure(`${baseUrl}/sign-in`, null)) });
    const caseworker = await signIn(context, baseUrl, CASEWORKER);
    const person = await firstPersonPath(context, baseUrl);
    for (const [page, path] of [
      ["Queue", "/queue"],
      ["People", "/people"],
      ["A pathway (person page)", person],
      ["Log a rescue", "/rescues/new"],
    ] as const) {
      rows.push({ page, path, ...(await measure(`${baseUrl}${path}`, caseworker)) });
    }
    const pcc = await signIn(context, baseUrl, PCC);
    rows.push({ page: "Dashboard", path: "/dashboard", ...(await measure(`${baseUrl}/dashboard`, pcc)) });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    if (server) await stopChild(server.child, 20_000);
  }

  const load = loadavg().map((value) => value.toFixed(2)).join(", ");
  if (args.includes("--json")) {
    console.log(JSON.stringify({ load, rows }, null, 2));
  } else {
    console.log(`Lighthouse mobile performance (target ${TARGET}); load average ${load}`);
    for (const row of rows) {
      console.log(
        `${row.score >= TARGET ? "  ok" : " LOW"} ${String(row.score).padStart(3)}  ${row.page.padEnd(24)} FCP ${row.fcp}, LCP ${row.lcp}, TBT ${row.tbt}, CLS ${row.cls}${row.error ? `  (${row.error})` : ""}`,
      );
    }
  }
  if (rows.some((row) => row.score < TARGET)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
