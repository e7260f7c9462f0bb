"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function AdminTabs({ label, sections }: { label: string; sections: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200">
      {sections.map((section) => {
        const current = pathname.startsWith(section.href);
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm ${current ? "border-slate-200 border-b-white bg-white font-semibold text-brand-900" : "border-transparent text-slate-700 hover:bg-slate-100"}`}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
