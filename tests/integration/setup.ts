import { inject } from "vitest";

// Before any test file is imported, so modules that read DATABASE_URL at load time see the test database.
// DATABASE_URL is the app's least-privilege role; DATABASE_OWNER_URL owns the schema (tests/support/owner-db.ts).
process.env.DATABASE_URL = inject("databaseUrl");
// The env module reads once, at first use (which may be an import): set what server code needs first.
process.env.AUTH_SECRET ??= "integration-test-secret-not-for-production-0123";
process.env.DATABASE_OWNER_URL = inject("databaseOwnerUrl");
const poolMax = inject("databasePoolMax");
if (poolMax) process.env.DATABASE_POOL_MAX = poolMax;
else delete process.env.DATABASE_POOL_MAX;
