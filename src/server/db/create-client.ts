import "server-only";
// Kept free of "server-only" so scripts (seed, benchmarks) and integration tests can build a client.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, serverEnv } from "../env";

export type Db = PrismaClient;

export function createPrismaClient(connectionString?: string): PrismaClient {
  // The embedded database (PGlite) is one Postgres session underneath: more than one connection
  // would interleave transactions, so the launcher sets DATABASE_POOL_MAX=1 for it.
  const max = serverEnv().DATABASE_POOL_MAX;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: connectionString ?? databaseUrl(), max }) });
}
