// "Laporan Penilaian Mandiri SPBE" of the period as a PDF (lib/reports/period-report-pdf.ts).
import { getMessages } from "@/lib/i18n/locale";
import { downloadResponse, loadReportFor, REPORT_ACCESS, reportFileName } from "@/lib/http/report-download";
import { sessionRoute } from "@/lib/http/session-route";
import { renderPeriodReportPdf } from "@/lib/reports/period-report-pdf";

export const dynamic = "force-dynamic";

export const GET = sessionRoute<{ periodId: string }>(REPORT_ACCESS, async ({ request, params, actor }) => {
  const loaded = await loadReportFor(request, actor, params.periodId, "all");
  const { locale, m } = await getMessages();
  const pdf = await renderPeriodReportPdf(loaded.report, { m, locale, baseUrl: loaded.baseUrl });
  return downloadResponse(new Uint8Array(pdf), "application/pdf", reportFileName("laporan", loaded.report, "pdf"));
});
