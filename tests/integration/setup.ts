import { inject } from "vitest";

// Before any test file is imported, so modules that read DATABASE_URL at load time see the test database.
// DATABASE_URL is the app's least-privilege role; DATABASE_OWNER_URL owns the schema (tests/support/owner-db.ts).
// Each worker (VITEST_POOL_ID, 1 to the number of workers) has a database of its own (global-setup.ts).
const urls = inject("databaseUrls");
const ownerUrls = inject("databaseOwnerUrls");
const worker = (Number(process.env.VITEST_POOL_ID ?? "1") - 1) % urls.length;
process.env.DATABASE_URL = urls[worker];
// The env module reads once, at first use (which may be an import): set what server code needs first.
process.env.AUTH_SECRET ??= "integration-test-secret-not-for-production-0123";
process.env.DATABASE_OWNER_URL = ownerUrls[worker];
const poolMax = inject("databasePoolMax");
if (poolMax) process.env.DATABASE_POOL_MAX = poolMax;
else delete process.env.DATABASE_POOL_MAX;
