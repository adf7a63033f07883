import "server-only";
import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { SESSION_LIFETIME_MS } from "@/domain/session/session-lifetime";
import { db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { hashForMissingAccount, verifyPassword } from "./password";
import { sessionFromToken, tokenForNewSession } from "./session-token";
import { endSession } from "./end-session";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

// The token lives no longer than the server-side session it names (which is the authority).
const SESSION_SECONDS = SESSION_LIFETIME_MS / 1000;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/sign-in" },
  // Every wrong password would otherwise log a stack trace; failed sign-ins are audited instead.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await hashForMissingAccount()));
        if (!user || !user.active || !valid) {
          await recordAudit(db, null, { action: "auth.sign_in_failed", entity: "User", entityId: user?.id, outcome: "denied" });
          return null;
        }
        await recordAudit(db, null, { action: "auth.sign_in", entity: "User", entityId: user.id });
        // Only the id goes into the session token: role and agency are read fresh on every request.
        return { id: user.id };
      },
    }),
  ],
  // Every sign-out path (the app's button, Auth.js's POST /api/auth/signout) ends the server-side row.
  events: {
    async signOut(message) {
      const secret = "token" in message ? message.token?.sid : undefined;
      if (typeof secret === "string") await endSession(db, secret, "SIGNED_OUT");
    },
  },
  callbacks: {
    // The token carries only the session secret; on every later read it is checked against the Session row.
    async jwt({ token, user }) {
      if (user?.id) return tokenForNewSession(db, user.id);
      return sessionFromToken(db, token);
    },
    session({ token }) {
      return {
        user: { id: token.sub ?? "" },
        sessionId: token.sessionId,
        expires: token.expiresAt,
        deadline: token.deadline,
        idleTimeoutMinutes: token.idleTimeoutMinutes,
      } as unknown as Session;
    },
  },
});
