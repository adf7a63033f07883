// Stands in for "server-only" in the unit and integration tests (vitest.config.mts).
export {};
