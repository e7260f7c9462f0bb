// The period as an Excel worksheet in the national form's layout, ready to fill and import
// (lib/reports/answer-sheet.ts). An Admin OPD gets their own unit's indicators.
import { apiRoute } from "@/lib/http/api-route";
import { getMessages } from "@/lib/i18n/locale";
import { buildAnswerWorkbook } from "@/lib/reports/answer-sheet";
import { downloadResponse, loadReportFor, reportFileName } from "@/lib/reports/download";

export const dynamic = "force-dynamic";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const GET = apiRoute<{ periodId: string }>(async ({ request, params }) => {
  const loaded = await loadReportFor(request, params.periodId, "all-or-own-unit");
  if (loaded instanceof Response) return loaded;
  const { m } = await getMessages();
  const workbook = await buildAnswerWorkbook(loaded.report, { m, baseUrl: loaded.baseUrl });
  return downloadResponse(new Uint8Array(workbook), XLSX_TYPE, reportFileName("lembar-kerja-spbe", loaded.report, "xlsx"));
});
