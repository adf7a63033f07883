-- Administrators edit staff accounts with optimistic concurrency: every change bumps the version, and a
-- change made from a form showing an older version is refused instead of overwriting the other one.
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

-- An administrator reset the password or the second factor: every session of the account ends.
ALTER TYPE "SessionEndReason" ADD VALUE 'CREDENTIALS_RESET';
