import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db/client";
import { clientAddressOf } from "./request-client-address";
import { userForAuthJs } from "./sign-in-refused-error";
import { signInWithPassword } from "./sign-in-with-password";

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
      // Throttled, hash-limited and audited in signInWithPassword. Only the id goes into the session
      // token: role and agency are read fresh on every request.
      async authorize(raw, request) {
        return userForAuthJs(await signInWithPassword(db, raw, clientAddressOf(request)));
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
