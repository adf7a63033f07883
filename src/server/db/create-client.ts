// Kept free of "server-only" so scripts (seed, benchmarks) and integration tests can build a client.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(connectionString = process.env.DATABASE_URL): PrismaClient {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // The embedded database (PGlite) is one Postgres session underneath: more than one connection
  // would interleave transactions, so the launcher sets DATABASE_POOL_MAX=1 for it.
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}
