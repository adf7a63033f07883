// The schema owner's client, for tests about the database setup itself (roles, triggers). App code
// under test always gets the app role's client, createPrismaClient().
import { createPrismaClient, type Db } from "../../src/server/db/create-client";

export function createOwnerPrismaClient(): Db {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error("DATABASE_OWNER_URL is not set (tests/integration/setup.ts sets it)");
  return createPrismaClient(url);
}
