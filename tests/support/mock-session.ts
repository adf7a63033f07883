import { vi } from "vitest";

// Stands in for src/server/auth/session.ts where a test fakes only who is signed in:
// vi.mock("@/server/auth/session", () => import("../support/mock-session")).
// The session rows themselves are tested for real in tests/integration/sessions.test.ts.
export const getSessionUserId = vi.fn(async (): Promise<string | null> => null);

/** A live session for whoever getSessionUserId says is signed in. */
export const getCurrentSession = vi.fn(async () => {
  const userId = await getSessionUserId();
  const deadline = new Date(Date.now() + 30 * 60_000);
  return userId ? { userId, sessionId: crypto.randomUUID(), deadline, expiresAt: deadline, idleTimeoutMinutes: 30 } : null;
});
