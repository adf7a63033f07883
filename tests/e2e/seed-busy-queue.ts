// Run by queue-at-scale.spec.ts in a child process with tsx (Playwright's loader cannot load the
// generated Prisma client): a partnership of its own whose council has more than 200 open stages,
// logged through the real use case. Prints the accounts it made as one line of JSON.
//   DATABASE_URL=… AUTH_SECRET=… node --import tsx tests/e2e/seed-busy-queue.ts
import "../../scripts/lib/outside-next";
import { randomUUID } from "node:crypto";
import { createPartnership, createUser, personFormInput, rescueFormInput } from "../../prisma/factories";
import { DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { loadActor } from "../../src/server/access/load-actor";
import { createPrismaClient } from "../../src/server/db/create-client";
import { logRescue } from "../../src/server/rescues/log-rescue";

const BUSY_QUEUE_PEOPLE = 75;

async function main() {
  const db = createPrismaClient();
  try {
    const slug = `scale-${randomUUID().slice(0, 8)}`;
    const { agencies } = await createPartnership(db, { slug, name: "Scale Test Partnership (fictional)" });
    const leadEmail = `${slug}.council.lead@test.example`;
    const caseworkerName = "Riya Scale-Caseworker (fictional)";
    await createUser(db, { agencyId: agencies.COUNCIL_SAFEGUARDING.id, role: "AGENCY_LEAD", email: leadEmail, name: "Sam Scale-Lead (fictional)", password: DEMO_PASSWORD });
    await createUser(db, { agencyId: agencies.COUNCIL_SAFEGUARDING.id, role: "CASEWORKER", email: `${slug}.council.cw@test.example`, name: caseworkerName });
    const policeUser = await createUser(db, { agencyId: agencies.POLICE.id, role: "CASEWORKER", email: `${slug}.police@test.example`, name: "Pat Scale-Police (fictional)" });
    const police = (await loadActor(db, policeUser.id))!;
    const now = new Date();
    for (let rescue = 0; rescue < BUSY_QUEUE_PEOPLE / 15; rescue++) {
      const people = Array.from({ length: 15 }, (_, i) => {
        const n = rescue * 15 + i + 1;
        return personFormInput({ name: `Scale Person ${String(n).padStart(3, "0")} (fictional)`, ageGroup: n % 5 === 0 ? "CHILD" : "ADULT" });
      });
      const result = await logRescue(db, police, rescueFormInput({ occurredAt: new Date(now.getTime() - (rescue + 1) * 3_600_000), people }), now);
      if (!result.ok) throw new Error(JSON.stringify(result));
    }
    console.log(JSON.stringify({ leadEmail, caseworkerName }));
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
