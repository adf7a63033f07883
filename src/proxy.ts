import { NextResponse } from "next/server";
import { auth } from "@/server/auth/auth";

// A first gate only: every page, action and route checks the user again on the server.
export default auth((request) => {
  if (request.auth?.user?.id) return NextResponse.next();
  const url = new URL("/sign-in", request.nextUrl.origin);
  return NextResponse.redirect(url);
});

export const config = {
  matcher: ["/((?!sign-in|api/auth|_next/|favicon.ico|icon.svg|robots.txt).*)"],
};
