import type { NextConfig } from "next";
import { SCRIPTLESS_POLICY } from "./src/lib/http/content-security-policy";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // "no-referrer" would make Chrome send `Origin: null` on form posts, which server actions refuse.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Two years, as hstspreload.org recommends. Not `preload`: that binds the whole domain the
  // service is deployed under, which is its owner's decision (docs/decisions/0007).
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  // Content-Security-Policy is set per request by src/proxy.ts: it carries a fresh nonce.
];

// Case records must never be kept by a shared browser or an intermediate cache: every page, RSC
// payload, action response, API route and export. Only the build's own assets, whose names carry a
// hash of their content, keep Next's `public, max-age=31536000, immutable`.
const notStored = [{ key: "Cache-Control", value: "no-store" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Every browser gets the metadata (robots: noindex) in the <head>, as bots do, not streamed into the
  // body. Titles are not metadata here: each page renders its own (src/components/page-title.tsx).
  htmlLimitedBots: /./,
  // CI runs `tsc --noEmit` beside the build instead (.ci/run): the same check, but on the other core
  // while the build compiles, not after it. Any other `next build` type-checks as usual.
  typescript: { ignoreBuildErrors: process.env.BUILD_WITHOUT_TYPECHECK === "1" },
  // Nothing uses next/image; the optimiser answered /_next/image?url=... with a 500. Off, it is a 404.
  images: { unoptimized: true },
  // A second build directory lets a development server run beside the end-to-end build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `next dev` refuses its hot-reload socket to 127.0.0.1, where the demo and tests serve the app.
  allowedDevOrigins: ["127.0.0.1"],
  // pdfkit reads its built-in fonts' metrics from its own package folder at run time, and the
  // chronology PDF reads Noto Sans from its package folder (render-chronology-pdf.ts): not bundled.
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pdfkit", "@expo-google-fonts/noto-sans"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/:path((?!_next/static/).*)", headers: notStored },
      // The link's token is in the path: no page it leads to may pass it on (it redirects at once).
      { source: "/activate/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // The proxy skips /_next/ (src/proxy.ts's matcher), so it sets no policy there.
      { source: "/_next/:path((?!static/).*)", headers: [{ key: "Content-Security-Policy", value: SCRIPTLESS_POLICY }] },
    ];
  },
};

export default nextConfig;
