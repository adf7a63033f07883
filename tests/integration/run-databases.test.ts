// An interrupted `npm test` drops what its stages left (scripts/test-all.ts): every database and role
// carrying its run id, and nothing else on the server (other checkouts' runs share it).
import { afterAll, describe, expect, inject, it } from "vitest";
import { createAppLoginRole, createDatabase, dropDatabase, dropRole, dropRunDatabases } from "../../scripts/lib/database";

const onServer = inject("databaseKind") === "server";
// The owner's URL reaches the server as a role that may create databases.
const serverUrl = process.env.DATABASE_OWNER_URL!;
const suffix = `${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
const mine = `vcp_runtest_tabc123_${suffix}`;
const others = `vcp_runtest_tabc1234_${suffix}`;

afterAll(async () => {
  if (!onServer) return;
  for (const name of [mine, others]) {
    await dropDatabase(serverUrl, name);
    await dropRole(serverUrl, `${name}_app`);
  }
});

describe.skipIf(!onServer)("dropping an interrupted run's databases", () => {
  it("drops the run's databases and roles and leaves another run's alone", async () => {
    for (const name of [mine, others]) await createAppLoginRole(await createDatabase(serverUrl, name), `${name}_app`);

    const dropped = await dropRunDatabases(serverUrl, "tabc123");

    expect(dropped.sort()).toEqual([mine, `${mine}_app`]);
    const left = await dropRunDatabases(serverUrl, "tabc1234");
    expect(left.sort()).toEqual([others, `${others}_app`]);
  });
});
