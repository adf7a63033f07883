import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // "no-referrer" would make Chrome send `Origin: null` on form posts, which server actions refuse.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Case records must never be kept by a shared browser or an intermediate cache.
  { key: "Cache-Control", value: "no-store" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Nothing uses next/image; the optimiser answered /_next/image?url=... with a 500. Off, it is a 404.
  images: { unoptimized: true },
  // A second build directory lets a development server run beside the end-to-end build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `next dev` refuses its hot-reload socket to 127.0.0.1, where the demo and tests serve the app.
  allowedDevOrigins: ["127.0.0.1"],
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
