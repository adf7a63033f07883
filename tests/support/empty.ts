// Stands in for "server-only" in integration tests.
export {};
