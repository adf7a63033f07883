import Link from "@/components/link";
import type { ReactNode } from "react";

export function ServiceHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-2xl font-bold text-white no-underline hover:underline">
          Victim Care Pathway
        </Link>
        {children}
      </div>
    </header>
  );
}
