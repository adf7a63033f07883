import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { serverEnv } from "../env";

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i;

/**
 * The origin to put in front of a link an administrator passes on: APP_URL when set (a deployment
 * should set it), else the host the administrator's browser asked for (Next has already checked a
 * server action's Origin against it). The scheme is taken from X-Forwarded-Proto only when proxies
 * are trusted (TRUSTED_PROXY_COUNT), as for client addresses.
 */
export async function publicOrigin(): Promise<string> {
  const env = serverEnv();
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  try {
    const request = await headers();
    const host = request.get("host");
    if (host && HOST.test(host)) {
      const https = env.TRUSTED_PROXY_COUNT > 0 && request.get("x-forwarded-proto") === "https";
      return `${https ? "https" : "http"}://${host}`;
    }
  } catch (error) {
    // Outside a request (tests, scripts) there are no headers.
    unstable_rethrow(error);
  }
  return "http://localhost:3000";
}
