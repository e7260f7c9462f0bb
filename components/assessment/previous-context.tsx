// The indicator form's look back at the previous period: the same indicator's answers
// ("last year's answer"), or, when that period ran on another framework, the mapped
// indicators' final levels and explanations, labelled with their framework and names.
import { displayLevel } from "@/lib/assessment/level-rule";
import type { PreviousContext as Context } from "@/lib/assessment/previous-period";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

export function PreviousContext({ context, labels }: { context: Context; labels: Messages["answers"] }) {
  if (context?.kind === "same" && context.answers.length > 0) {
    return (
      <section className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="jawaban-tahun-lalu">
        <h2 className="font-semibold">{fill(labels.lastYear, { year: context.year })}</h2>
        <dl className="mt-1 grid gap-x-4 sm:grid-cols-[auto_1fr]">
          {context.answers.map((answer) => (
            <div key={answer.stage} className="contents">
              <dt className="text-slate-600">{labels.stages[answer.stage]}</dt>
              <dd>
                {labels.level} {displayLevel(answer.level)}
                {answer.stage === "SELF" && answer.explanation && <p className="whitespace-pre-wrap text-slate-700">{answer.explanation}</p>}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }
  if (context?.kind === "mapped") {
    return (
      <section className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="konteks-kerangka-lain">
        <h2 className="font-semibold">{fill(labels.mappedTitle, { framework: context.frameworkName, year: context.year })}</h2>
        <p className="text-slate-600">{fill(labels.mappedIntro, { year: context.year })}</p>
        <ul className="mt-2 space-y-2">
          {context.indicators.map((indicator) => (
            <li key={indicator.code}>
              <p className="font-medium">{fill(labels.mappedIndicator, { framework: context.frameworkName, number: indicator.number, code: indicator.code, name: indicator.name })}</p>
              <p className="text-slate-600">
                {fill(labels.mappedRelation, { relation: indicator.relation })} ·{" "}
                {indicator.level === null ? labels.mappedNoLevel : fill(labels.mappedFinal, { level: displayLevel(indicator.level), stage: labels.stages[indicator.stage!]! })}
              </p>
              {indicator.explanation && <p className="whitespace-pre-wrap text-slate-700">{indicator.explanation}</p>}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <p className="text-slate-600">{context?.kind === "none" && context.crossFramework ? fill(labels.mappedNone, { year: context.year }) : labels.lastYearNone}</p>
    </section>
  );
}
