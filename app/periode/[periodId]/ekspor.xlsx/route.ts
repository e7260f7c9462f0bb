// The period as an Excel worksheet in the national form's layout, ready to fill and import
// (lib/reports/answer-sheet.ts). An Admin OPD gets their own unit's indicators.
import { getMessages } from "@/lib/i18n/locale";
import { buildAnswerWorkbook } from "@/lib/reports/answer-sheet";
import { downloadResponse, loadReportFor, REPORT_ACCESS, reportFileName } from "@/lib/http/report-download";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const GET = sessionRoute<{ periodId: string }>(REPORT_ACCESS, async ({ request, params, actor }) => {
  const loaded = await loadReportFor(request, actor, params.periodId, "all-or-own-unit");
  const { m, locale } = await getMessages();
  const workbook = await buildAnswerWorkbook(loaded.report, { m, locale, baseUrl: loaded.baseUrl });
  return downloadResponse(new Uint8Array(workbook), XLSX_TYPE, reportFileName("lembar-kerja", loaded.report, "xlsx"));
});
