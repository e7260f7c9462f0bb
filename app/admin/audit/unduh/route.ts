// The audit trail as CSV, with the page's filters: streamed batch by batch, so a large
// export never sits in memory whole. Errors before the first byte are the one JSON shape.
import { db } from "@/lib/db";
import { AUDIT_CSV_COLUMNS, auditCsvValues, auditEntriesForExport } from "@/lib/admin/audit-queries";
import { CSV_BOM, csvRow } from "@/lib/export/csv";
import { sessionRoute } from "@/lib/http/session-route";
import { log } from "@/lib/log";
import { todayTextIn } from "@/lib/i18n/time-zone";
import { ZAuditFilters } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ anonymous: "sign-in", action: "audit.read" }, async ({ request, requestId, instansiId, actor }) => {
  const filters = ZAuditFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { code } = await db.instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { code: true } });
  const today = todayTextIn(actor.active.timeZone).replaceAll("-", "");

  // The first batch is read before answering, so an unreachable database is still a 503.
  const batches = auditEntriesForExport(db, instansiId, filters);
  let next = await batches.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(AUDIT_CSV_COLUMNS)));
    },
    async pull(controller) {
      try {
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((entry) => csvRow(auditCsvValues(entry))).join("")));
        next = await batches.next();
      } catch (error) {
        log.error("audit export failed", { requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="jejak-audit-${code}-${today}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
