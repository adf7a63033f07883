/**
 * The Content-Security-Policy for every response the proxy passes on: scripts run only if they carry
 * this request's nonce, or were loaded by one that did ('strict-dynamic'), so markup an attacker
 * slips into a page cannot run script. Next reads the nonce from the policy on the request and puts
 * it on its own scripts; pages must render per request for that, which every page here does.
 */
export function contentSecurityPolicy({ nonce, development }: { nonce: string; development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code to rebuild server stack traces, so `next dev` needs
    // eval; a production build never does (the e2e suite runs on one and fails on any violation).
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Production styles are one stylesheet from the build. `next dev` injects <style> elements as
    // modules change; a nonce would make the browser ignore 'unsafe-inline', so dev gets no nonce.
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    // The live-updates EventSource (/api/live), and in `next dev` its hot-reload socket, same origin.
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for each request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * For what Next serves under /_next/ outside the proxy (a 404 for an unknown build path): those
 * responses never carry a nonce, so they run no script at all.
 */
export const SCRIPTLESS_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
