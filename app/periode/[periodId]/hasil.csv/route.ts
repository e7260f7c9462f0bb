// The period's results for other systems, as CSV (lib/reports/results-export.ts).
import { apiRoute } from "@/lib/http/api-route";
import { downloadResponse, loadReportFor, reportFileName } from "@/lib/reports/download";
import { resultsCsv } from "@/lib/reports/results-export";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ periodId: string }>(async ({ request, params }) => {
  const loaded = await loadReportFor(request, params.periodId, "all");
  if (loaded instanceof Response) return loaded;
  return downloadResponse(resultsCsv(loaded.report), "text/csv; charset=utf-8", reportFileName("hasil-spbe", loaded.report, "csv"));
});
