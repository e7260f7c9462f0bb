// Search box and pagination for administration lists: plain GET links, no client JS.
import Link from "next/link";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { PAGE_SIZE } from "@/lib/admin/queries";

export function SearchBox({ basePath, query, labels }: { basePath: string; query: string; labels: Messages["forms"] }) {
  return (
    <form action={basePath} method="get" role="search" className="flex items-end gap-2">
      <label className="text-sm">
        <span className="sr-only">{labels.search}</span>
        <input type="search" name="q" defaultValue={query} placeholder={labels.searchPlaceholder} className="w-64 rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">{labels.search}</button>
    </form>
  );
}

/** Previous/next links that keep `params` (the search or the filters) and change only the page. */
export function Pagination({ basePath, params, page, total, labels }: { basePath: string; params: Record<string, string>; page: number; total: number; labels: Messages["forms"] }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(page, pages);
  const href = (target: number) => `${basePath}?${new URLSearchParams({ ...params, halaman: String(target) })}`;
  return (
    <nav aria-label={labels.pagination} className="flex items-center gap-3 text-sm">
      {current > 1 ? <Link href={href(current - 1)} className="underline">{labels.previous}</Link> : <span className="text-slate-500">{labels.previous}</span>}
      <span data-testid="posisi-halaman">{fill(labels.pageOf, { page: current, pages, total })}</span>
      {current < pages ? <Link href={href(current + 1)} className="underline">{labels.next}</Link> : <span className="text-slate-500">{labels.next}</span>}
    </nav>
  );
}
