// The audit page's filters, read from the query string (?actor=&entity=&action=&dari=&sampai=&halaman=).
// A value that does not parse is ignored, never an error: the filters are only a view.
import { z } from "zod";
import { searchQuery } from "./primitives";

const text = searchQuery(100);

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused), or "". */
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  })
  .catch("");

export const ZAuditFilters = z
  .object({
    actor: text,
    entity: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/)
      .catch(""),
    action: text,
    dari: day,
    sampai: day,
    halaman: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  // A range written back to front is read the right way round; the page says so.
  .transform((filters) =>
    filters.dari && filters.sampai && filters.dari > filters.sampai
      ? { ...filters, dari: filters.sampai, sampai: filters.dari, swapped: true }
      : { ...filters, swapped: false },
  );

export type AuditFilters = z.output<typeof ZAuditFilters>;

/** What selects the entries (the page number aside). */
export type AuditFilter = Pick<AuditFilters, "actor" | "entity" | "action" | "dari" | "sampai">;

/** The query string of the filters that are set, for links that keep them (pages, CSV). */
export function auditFilterParams(filters: AuditFilter, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["actor", "entity", "action", "dari", "sampai"] as const) if (filters[key]) params.set(key, filters[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}
