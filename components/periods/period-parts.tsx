// Pieces the period list and the period overview share: an index with its predicate and
// completeness, the phase stepper, and the settings fields of the open and edit forms.
import { SelectField, TextField } from "@/components/forms/fields";
import { PredicateBadge } from "@/components/predicate-badge";
import { fill, formatDate } from "@/lib/i18n/format";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { Messages } from "@/lib/i18n/messages";
import { PHASES, type Phase } from "@/lib/assessment/phase";
import { formatIndex, type AssessmentScore } from "@/lib/scoring";

type PeriodLabels = Messages["periods"];

export function IndexSummary({ score, labels, testId, size = "large" }: { score: AssessmentScore; labels: PeriodLabels; testId: string; size?: "large" | "small" }) {
  const incomplete = score.answeredCount < score.indicatorCount;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`font-bold tabular-nums text-brand-900 ${size === "large" ? "text-3xl" : "text-lg"}`} data-testid={testId}>{formatIndex(score.indexExact)}</span>
        <PredicateBadge predicate={score.predicate} />
      </div>
      <div className="mt-1 text-xs text-slate-600" data-testid={`${testId}-kelengkapan`}>
        {fill(labels.answeredOf, { answered: score.answeredCount, total: score.indicatorCount })}
        {incomplete && size === "large" && <span className="block">{labels.incomplete}</span>}
      </div>
    </div>
  );
}

export function PhaseStepper({ phase, labels }: { phase: Phase; labels: PeriodLabels }) {
  const current = PHASES.indexOf(phase);
  return (
    <ol aria-label={labels.overview.stepper} className="flex flex-wrap gap-2" data-testid="tahap-periode">
      {PHASES.map((step, position) => (
        <li
          key={step}
          aria-current={position === current ? "step" : undefined}
          className={`flex items-center gap-2 rounded-full border px-3 py-1 text-sm ${
            position === current ? "border-brand-700 bg-brand-700 font-semibold text-white" : position < current ? "border-brand-100 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-600"
          }`}
        >
          <span className="tabular-nums">{position + 1}</span>
          {labels.phases[step]}
        </li>
      ))}
    </ol>
  );
}

export type PeriodSettings = {
  predicateBasis: string;
  targetIndex: string | null;
  fillDeadline: Date | null;
  verifyDeadline: Date | null;
  submitDeadline: Date | null;
  objectionDeadline: Date | null;
};

/** A stored deadline as a date input's value (deadlines are stored at midnight UTC of their day). */
const dateValue = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? "";

export function PeriodSettingsFields({ labels, defaults }: { labels: PeriodLabels; defaults?: PeriodSettings }) {
  const form = labels.form;
  return (
    <>
      <SelectField
        name="predicateBasis"
        label={form.predicateBasis}
        hint={form.basisHint}
        defaultValue={defaults?.predicateBasis ?? "EXACT"}
        options={[
          { value: "EXACT", label: form.basisExact },
          { value: "ROUNDED", label: form.basisRounded },
        ]}
      />
      <TextField name="targetIndex" label={labels.target} hint={form.targetHint} defaultValue={defaults?.targetIndex ? formatIndex(defaults.targetIndex) : ""} />
      <TextField type="date" name="fillDeadline" label={form.fillDeadline} defaultValue={dateValue(defaults?.fillDeadline)} />
      <TextField type="date" name="verifyDeadline" label={form.verifyDeadline} defaultValue={dateValue(defaults?.verifyDeadline)} />
      <TextField type="date" name="submitDeadline" label={form.submitDeadline} defaultValue={dateValue(defaults?.submitDeadline)} />
      <TextField type="date" name="objectionDeadline" label={form.objectionDeadline} defaultValue={dateValue(defaults?.objectionDeadline)} />
    </>
  );
}

export function Deadline({ date, locale, timeZone, none }: { date: Date | null; locale: string; timeZone: AgencyTimeZone; none: string }) {
  return date ? <time dateTime={date.toISOString().slice(0, 10)}>{formatDate(date, locale, timeZone)}</time> : <span>{none}</span>;
}
