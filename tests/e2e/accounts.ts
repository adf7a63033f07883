// Accounts and activation links made by a test, written straight into the e2e database the way the
// app writes them (the secret sealed for the user, only the link's hash kept). The sealing is the
// app's own code, run here outside Next, so it needs the e2e server's AUTH_SECRET.
import "../../scripts/lib/outside-next";
import { randomUUID } from "node:crypto";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-accounts";
import { hashSessionSecret, newSessionSecret } from "../../src/server/auth/session-secret";
import { sealTotpSecret } from "../../src/server/auth/totp-secret-box";
import { withDatabase } from "./support";

/** The secret playwright.config.ts always gives the e2e server. */
export const E2E_AUTH_SECRET = "e2e-test-secret-not-for-production-0123456789abcdef";
process.env.AUTH_SECRET ??= E2E_AUTH_SECRET;

/**
 * A fictional caseworker in the demo police caseworker's agency. `withPassword`: the demo password
 * (copied from that account); `enrolled`: the demo TOTP secret. An administrator's new account has neither.
 */
export async function createTestAccount(email: string, { withPassword = true, enrolled = true } = {}): Promise<string> {
  const id = randomUUID();
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "totpSecret", "totpEnrolledAt", "role", "agencyId", "active")
       SELECT $1, $2, 'Test Caseworker (fictional)', CASE WHEN $3 THEN "passwordHash" END, $4::text, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END, "role", "agencyId", true
       FROM "User" WHERE "email" = 'police.caseworker@demo.example'`,
      [id, email, withPassword, enrolled ? sealTotpSecret(id, DEMO_TOTP_SECRET) : null],
    ),
  );
  return id;
}

/** An activation or reset link for the user, as an administrator would issue it; returns its path. */
export async function issueTestLink(userId: string, purpose: "ACTIVATE" | "RESET_PASSWORD" | "RESET_SECOND_FACTOR" = "ACTIVATE"): Promise<string> {
  const token = newSessionSecret();
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "ActivationLink" ("id", "userId", "purpose", "tokenHash", "createdAt", "expiresAt")
       VALUES (gen_random_uuid(), $1, $2::"ActivationPurpose", $3, now(), now() + interval '72 hours')`,
      [userId, purpose, hashSessionSecret(token)],
    ),
  );
  return `/activate/${token}`;
}
