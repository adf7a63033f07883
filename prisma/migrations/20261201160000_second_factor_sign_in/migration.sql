-- Issue 11: sign-in in two steps, and activation links that finish in one transaction.

-- Between the password and the code: a short-lived, single-use challenge bound to one user. Only the
-- SHA-256 hash of its secret is kept; the browser holds the secret in a cookie that signs nobody in.
CREATE TABLE "SignInChallenge" (
    "id" UUID NOT NULL,
    "secretHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    CONSTRAINT "SignInChallenge_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SignInChallenge_expires_after_creation" CHECK ("expiresAt" > "createdAt")
);
CREATE UNIQUE INDEX "SignInChallenge_secretHash_key" ON "SignInChallenge"("secretHash");
CREATE INDEX "SignInChallenge_expiresAt_idx" ON "SignInChallenge"("expiresAt");
ALTER TABLE "SignInChallenge" ADD CONSTRAINT "SignInChallenge_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What an activation has done so far (the new password's hash, the TOTP secret being enrolled,
-- encrypted). Nothing reaches the User row until the last step, which also marks the link used.
ALTER TABLE "ActivationLink"
  ADD COLUMN "pendingPasswordHash" TEXT,
  ADD COLUMN "pendingTotpSecret" TEXT;

-- A password or second factor changed: the user's other sessions end.
ALTER TYPE "SessionEndReason" ADD VALUE 'CREDENTIALS_CHANGED';
