import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientAddressFrom } from "@/domain/auth/client-address";
import { serverEnv } from "../env";

/**
 * The address a sign-in came from, as far as it can be trusted. Next gives no socket address to
 * route handlers or actions, only headers; see clientAddressFrom for how X-Forwarded-For is read
 * and README "Sign-in throttling" for TRUSTED_PROXY_COUNT.
 */
export function clientAddressOf(request: Request | undefined): string {
  return clientAddressOfHeaders(request?.headers);
}

/** The same, for a server action, which has the request's headers but no Request. */
export function clientAddressOfHeaders(headers: Headers | undefined): string {
  return clientAddressFrom(headers?.get("x-forwarded-for") ?? null, serverEnv().TRUSTED_PROXY_COUNT);
}

/**
 * For a server action: the address of the request being served. Outside a request (a test, a
 * script) there is no client, and every such call shares the one "unknown" address.
 */
export async function clientAddressOfCurrentRequest(): Promise<string> {
  try {
    return clientAddressOfHeaders(await headers());
  } catch (error) {
    unstable_rethrow(error);
    return clientAddressOfHeaders(undefined);
  }
}
