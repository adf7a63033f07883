import { inject } from "vitest";

// Before any test file is imported, so modules that read DATABASE_URL at load time see the test database.
process.env.DATABASE_URL = inject("databaseUrl");
const poolMax = inject("databasePoolMax");
if (poolMax) process.env.DATABASE_POOL_MAX = poolMax;
else delete process.env.DATABASE_POOL_MAX;
