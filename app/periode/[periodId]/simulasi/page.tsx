import Link from "next/link";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { fill } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { loadSimulation } from "@/lib/simulation/simulation-view";
import { Simulator } from "@/components/simulation/simulator";
import { savePlan } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("simulation");
export const dynamic = "force-dynamic";

export default async function SimulationPage({ params }: { params: Promise<{ periodId: string }> }) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}/simulasi`);
  const simulation = await orNotFound(loadSimulation(db, actor, periodId));
  const { m } = await getMessages();
  const labels = m.simulation;
  const { period } = simulation;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href={`/periode/${period.id}`} className="text-sm text-brand-700 underline">← {labels.back}</Link>
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="text-sm text-slate-700">{fill(labels.periodTitle, { year: period.year, framework: simulation.frameworkName })}</p>
        <p className="text-sm text-slate-700">{labels.intro}</p>
      </div>
      {!simulation.mayPlan && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="simulasi-baca-saja">{labels.readOnly}</p>
      )}
      <Simulator
        periodId={period.id}
        definition={simulation.definition}
        current={simulation.current}
        owners={simulation.owners}
        basis={simulation.basis}
        savePlan={simulation.mayPlan ? savePlan : null}
        recommendationsHref={`/periode/${period.id}/rekomendasi`}
        labels={labels}
        levelTexts={m.levels}
        nodeKindLabels={m.nodeKinds}
        forms={{ fixErrors: m.forms.fixErrors, saving: m.forms.saving }}
      />
    </div>
  );
}
