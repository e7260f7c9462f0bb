// The current period's index per stage, side by side, each with its predicate and how
// complete it is. The test ids are the ones the period overview uses for the same numbers.
import type { Messages } from "@/lib/i18n/messages";
import type { HeadlineStage } from "@/lib/dashboard/headline-stage";
import type { AssessmentScore } from "@/lib/scoring";
import { IndexSummary } from "@/components/periods/period-parts";

const TEST_IDS: Record<HeadlineStage, string> = { SELF: "indeks-mandiri", INTERNAL_VERIFICATION: "indeks-terverifikasi", FINAL: "indeks-akhir" };

export function StageCards({ stages, m, showFinal }: { stages: Partial<Record<HeadlineStage, AssessmentScore>>; m: Messages; showFinal: boolean }) {
  const shown: HeadlineStage[] = showFinal ? ["SELF", "INTERNAL_VERIFICATION", "FINAL"] : ["SELF", "INTERNAL_VERIFICATION"];
  return (
    <div className={`grid gap-4 ${showFinal ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
      {shown.map((stage) => {
        const score = stages[stage];
        return (
          <div key={stage} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="text-sm text-slate-600">{m.periods.stages[stage]}</div>
            {score ? (
              <IndexSummary score={score} labels={m.periods} testId={TEST_IDS[stage]} />
            ) : (
              <p className="mt-2 text-sm text-slate-600" data-testid={`${TEST_IDS[stage]}-kosong`}>{m.dashboard.lead.noFinal}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
