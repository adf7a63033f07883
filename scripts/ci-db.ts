// For .ci/run: `tsx scripts/ci-db.ts create|drop NAME` on the server DATABASE_SERVER_URL points at.
import { createDatabase, dropDatabase } from "./lib/database";

async function main() {
  const [action, name] = process.argv.slice(2);
  const serverUrl = process.env.DATABASE_SERVER_URL;
  if (!serverUrl || !name || (action !== "create" && action !== "drop")) {
    throw new Error("usage: DATABASE_SERVER_URL=postgresql://... tsx scripts/ci-db.ts create|drop NAME");
  }
  if (action === "create") {
    await dropDatabase(serverUrl, name);
    console.log(await createDatabase(serverUrl, name));
  } else {
    await dropDatabase(serverUrl, name);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
