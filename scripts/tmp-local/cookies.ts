import "../lib/outside-next";
import { encode } from "next-auth/jwt";
import { startSession } from "../../src/server/auth/start-session";
import { createPrismaClient } from "../../src/server/db/create-client";
import { findBenchSubjects } from "../lib/bench-subjects";
const AUTH_SECRET = process.env.AUTH_SECRET!;
const COOKIE = "authjs.session-token";
async function main() {
  const db = createPrismaClient();
  const s = await findBenchSubjects(db, undefined);
  const out: Record<string, string> = {};
  for (const [k, u] of [["lead", s.lead], ["caseworker", s.caseworker], ["coordinator", s.coordinator]] as const) {
    const sid = await startSession(db, u.id);
    out[k] = `${COOKIE}=${await encode({ token: { sid }, secret: AUTH_SECRET, salt: COOKIE })}`;
  }
  out.person = s.personIds[0]!;
  out.stage = `/people/${s.openStages[0]!.personId}/stages/${s.openStages[0]!.id}`;
  console.log(JSON.stringify(out));
  await db.$disconnect();
}
main();
