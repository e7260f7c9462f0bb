// The period's results for other systems, as CSV (lib/reports/results-export.ts).
import { downloadResponse, loadReportFor, REPORT_ACCESS, reportFileName } from "@/lib/http/report-download";
import { sessionRoute } from "@/lib/http/session-route";
import { resultsCsv } from "@/lib/reports/results-export";

export const dynamic = "force-dynamic";

export const GET = sessionRoute<{ periodId: string }>(REPORT_ACCESS, async ({ request, params, actor }) => {
  const loaded = await loadReportFor(request, actor, params.periodId, "all");
  return downloadResponse(resultsCsv(loaded.report), "text/csv; charset=utf-8", reportFileName("hasil", loaded.report, "csv"));
});
