import type { Metadata } from "next";
import { connection } from "next/server";
import { InAppLinks } from "@/components/in-app-links";
import { RouteFocusReset } from "@/components/route-focus-reset";
import "./globals.css";

// No title here: each page renders its own <PageTitle> (src/components/page-title.tsx).
export const metadata: Metadata = {
  description: "Multi-agency care for people rescued from modern slavery",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, the not-found page included, so Next can put this request's
  // Content-Security-Policy nonce on its scripts: a prerendered page's scripts carry none and are blocked.
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
        <RouteFocusReset />
        <InAppLinks />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:p-2">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
