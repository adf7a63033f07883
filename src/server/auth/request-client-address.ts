import "server-only";
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
