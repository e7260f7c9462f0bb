// The period's results for other systems, as JSON (lib/reports/results-export.ts).
import { apiRoute } from "@/lib/http/api-route";
import { downloadResponse, loadReportFor, reportFileName } from "@/lib/reports/download";
import { resultsJson } from "@/lib/reports/results-export";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ periodId: string }>(async ({ request, params }) => {
  const loaded = await loadReportFor(request, params.periodId, "all");
  if (loaded instanceof Response) return loaded;
  return downloadResponse(`${JSON.stringify(resultsJson(loaded.report), null, 2)}\n`, "application/json; charset=utf-8", reportFileName("hasil-spbe", loaded.report, "json"));
});
