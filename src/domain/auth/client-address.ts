/**
 * The client's address from X-Forwarded-For, trusting only the last `trustedProxies` hops.
 *
 * Each trusted reverse proxy appends the address it was connected from, so the entry that many places
 * from the right is the one the outermost trusted proxy saw; anything left of it was written by the
 * client and can say anything. With no trusted proxy the app's proxy (src/proxy.ts) removes a
 * client-sent header, so Next fills in the connection's own address and that last entry is used.
 * A header with fewer entries than there are trusted proxies did not come through them: such
 * requests share one "unknown" address, which throttles them together rather than letting a
 * forged header pick a fresh address for each try.
 */
export function clientAddressFrom(forwardedFor: string | null, trustedProxies: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  const wanted = Math.max(1, trustedProxies);
  if (hops.length < wanted) return UNKNOWN_ADDRESS;
  return normaliseAddress(hops[hops.length - wanted]!);
}

export const UNKNOWN_ADDRESS = "unknown";

/**
 * "::ffff:127.0.0.1" and "127.0.0.1" are one client. An IPv6 client is usually given a whole /64,
 * so its first four groups are its address: otherwise each try could come from a fresh one.
 */
function normaliseAddress(address: string): string {
  const lower = address.toLowerCase().replace(/^\[|\](:\d+)?$/g, "");
  if (lower.startsWith("::ffff:") && lower.includes(".")) return lower.slice("::ffff:".length);
  if (!lower.includes(":")) return lower;
  const [head = "", tail] = lower.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
