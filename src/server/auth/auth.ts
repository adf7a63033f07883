import "server-only";
import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SESSION_LIFETIME_MS } from "@/domain/session/session-lifetime";
import { db } from "../db/client";
import { clientAddressOf } from "./request-client-address";
import { completeSignIn } from "./complete-sign-in";
import { endSession } from "./end-session";
import { sessionFromToken, tokenForNewSession } from "./session-token";
import { userForAuthJs } from "./sign-in-refused-error";

// The token lives no longer than the server-side session it names (which is the authority).
const SESSION_SECONDS = SESSION_LIFETIME_MS / 1000;

export const { handlers, signIn, signOut } = NextAuth({
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
      // Only sign-in's second step: a challenge from a right password (beginSignIn) and its code.
      // An email and password posted here sign nobody in (docs/decisions/0017). Throttled and
      // audited in completeSignIn. Only the id goes into the session token: role and agency are read
      // fresh on every request.
      credentials: { challenge: {}, code: {}, method: {} },
      async authorize(raw, request) {
        return userForAuthJs(await completeSignIn(db, raw, clientAddressOf(request)));
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
