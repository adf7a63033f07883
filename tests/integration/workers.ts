// Integration test files run two at a time on a Postgres server, each worker on its own database (the
// tests are mostly waiting on the database, and this machine kind has two cores). On the embedded
// Postgres (no DATABASE_URL) they run one at a time: PGlite is one session in this process.
export const INTEGRATION_WORKERS = process.env.DATABASE_URL ? 2 : 1;
