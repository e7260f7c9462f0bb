// "Laporan Penilaian Mandiri SPBE" of the period as a PDF (lib/reports/period-report-pdf.ts).
import { apiRoute } from "@/lib/http/api-route";
import { getMessages } from "@/lib/i18n/locale";
import { downloadResponse, loadReportFor, reportFileName } from "@/lib/reports/download";
import { renderPeriodReportPdf } from "@/lib/reports/period-report-pdf";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ periodId: string }>(async ({ request, params }) => {
  const loaded = await loadReportFor(request, params.periodId, "all");
  if (loaded instanceof Response) return loaded;
  const { locale, m } = await getMessages();
  const pdf = await renderPeriodReportPdf(loaded.report, { m, locale, baseUrl: loaded.baseUrl });
  return downloadResponse(new Uint8Array(pdf), "application/pdf", reportFileName("laporan-spbe", loaded.report, "pdf"));
});
