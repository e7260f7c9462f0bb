import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { loadAssignmentMatrix } from "@/lib/assessment/assignment-matrix";
import { fill } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { ActionForm } from "@/components/forms/action-form";
import { AssignmentMatrix } from "@/components/assessment/assignment-matrix";
import { saveAssignments } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("assignments");
export const dynamic = "force-dynamic";

export default async function AssignmentPage({ params }: { params: Promise<{ periodId: string }> }) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}/penugasan`);
  const { m } = await getMessages();
  const labels = m.assignments;
  const { period, ...matrix } = await orNotFound(loadAssignmentMatrix(db, actor, periodId));

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">
          {labels.title} · {period.year}
        </h1>
        <p className="text-sm text-slate-700">{labels.intro}</p>
        <Link href={`/periode/${period.id}/indikator`} className="text-sm text-brand-700 underline">{m.indicatorList.title}</Link>
      </div>
      {!matrix.canEdit && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {fill(labels.readOnly, { phase: m.periods.phases[period.phase] ?? period.phase })}
        </p>
      )}
      <ActionForm id="penugasan" action={saveAssignments} schema="assignmentSave" resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="space-y-3">
        {/* Keyed by the version: after a save the matrix starts again from what is stored. */}
        <AssignmentMatrix key={matrix.version} periodId={period.id} {...matrix} labels={labels} statuses={m.answers.statuses} savingLabel={m.forms.saving} />
      </ActionForm>
    </div>
  );
}
