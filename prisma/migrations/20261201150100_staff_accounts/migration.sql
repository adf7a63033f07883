-- Issue 11: accounts an administrator creates and the user activates, with a TOTP second factor.

ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;
ALTER TABLE "User"
  ADD COLUMN "passwordChangedAt" TIMESTAMPTZ(3),
  ADD COLUMN "totpSecret" TEXT,
  ADD COLUMN "totpEnrolledAt" TIMESTAMPTZ(3),
  ADD COLUMN "totpLastUsedStep" INTEGER;
-- A secret and its enrolment time come and go together.
ALTER TABLE "User" ADD CONSTRAINT "User_totp_enrolled_together"
  CHECK (("totpSecret" IS NULL) = ("totpEnrolledAt" IS NULL));

CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMPTZ(3),
    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TYPE "ActivationPurpose" AS ENUM ('ACTIVATE', 'RESET_PASSWORD', 'RESET_SECOND_FACTOR');

CREATE TABLE "ActivationLink" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "ActivationPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "issuedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ActivationLink_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ActivationLink_expires_after_creation" CHECK ("expiresAt" > "createdAt")
);
CREATE UNIQUE INDEX "ActivationLink_tokenHash_key" ON "ActivationLink"("tokenHash");
CREATE INDEX "ActivationLink_userId_idx" ON "ActivationLink"("userId");
ALTER TABLE "ActivationLink" ADD CONSTRAINT "ActivationLink_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ActivationLink" ADD CONSTRAINT "ActivationLink_issuedById_fkey"
  FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
