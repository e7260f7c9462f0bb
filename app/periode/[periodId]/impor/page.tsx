import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { phaseAllows } from "@/lib/assessment/phase";
import { fill } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { can } from "@/lib/policy";
import { XLSX_MAX_BYTES } from "@/lib/validation/reports";
import { ImportForm } from "@/components/reports/import-form";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("import");
export const dynamic = "force-dynamic";

export default async function ImportPage({ params }: { params: Promise<{ periodId: string }> }) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}/impor`);
  const period = await orNotFound(loadPeriodFor(db, actor, "answer.import", periodId));
  const { m } = await getMessages();
  const labels = m.reports.import;
  const isOpen = phaseAllows(period.phase, "answer.fill");
  const base = `/periode/${period.id}`;

  return (
    <div className="max-w-3xl space-y-6" data-testid="impor-jawaban">
      <div className="space-y-2">
        <Link href={base} className="text-sm text-brand-700 underline">← {labels.back}</Link>
        <h1 className="text-2xl font-bold text-brand-900">{labels.title} · {period.year}</h1>
        <p className="text-sm text-slate-700">{labels.intro}</p>
        <p className="text-sm text-slate-700">{can(actor, "answer.import", { instansiId: period.instansiId }) ? labels.whoKoordinator : labels.whoOpd}</p>
      </div>
      <a href={`${base}/ekspor.xlsx`} className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50">
        {labels.download}
      </a>
      {isOpen ? (
        <ImportForm
          endpoint={`${base}/impor/unggah`}
          maxBytes={XLSX_MAX_BYTES}
          labels={{ file: labels.file, submit: labels.submit, sending: labels.sending, errorsTitle: labels.errorsTitle, fileMissing: labels.fileMissing, fileTooLarge: labels.fileTooLarge, notXlsx: labels.notXlsx, failed: m.errors.internal_error }}
        />
      ) : (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{fill(labels.closed, { phase: m.periods.phases[period.phase] ?? period.phase })}</p>
      )}
    </div>
  );
}
