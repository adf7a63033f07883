-- CreateEnum
CREATE TYPE "SessionEndReason" AS ENUM ('SIGNED_OUT', 'IDLE', 'EXPIRED', 'USER_SWITCHED_OFF');

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "idleTimeoutMinutes" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "secretHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" "SessionEndReason",

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_secretHash_key" ON "Session"("secretHash");

-- CreateIndex
CREATE INDEX "Session_userId_endedAt_idx" ON "Session"("userId", "endedAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The settings page keeps to these bounds; a write from outside the app must too.
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_idleTimeoutMinutes_bounds" CHECK ("idleTimeoutMinutes" BETWEEN 5 AND 120);
