import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import { hashForMissingAccount, verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

// A shift is 8 hours; a shared workstation left signed in must not stay open for days.
const SESSION_SECONDS = 8 * 60 * 60;

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
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "" } } as typeof session;
    },
  },
});
