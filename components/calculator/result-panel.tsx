"use client";

import { formatIndex } from "@/lib/scoring";
import { fill, formatDecimal } from "@/lib/i18n/format";
import { unansweredValueOf } from "@/lib/framework/schema";
import { useLocale } from "@/components/locale-context";
import type { Messages } from "@/lib/i18n/messages";
import { useCalculator } from "./calculator-context";
import { PredicateBadge } from "@/components/predicate-badge";

type Labels = Messages["calculator"];

export function ResultPanel({ labels, nodeKindLabels }: { labels: Labels; nodeKindLabels: Record<string, string> }) {
  const { framework, score, basis, setBasis, setAll } = useCalculator();
  const locale = useLocale();
  const kinds = framework.nodeKinds.filter((kind) => kind !== "indicator");
  const maxLevel = Number(framework.valueScale.max);
  const minLevel = Number(framework.valueScale.min);
  const levels = Array.from({ length: maxLevel - minLevel + 1 }, (_, i) => String(minLevel + i));

  return (
    <section aria-labelledby="hasil-judul" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="hasil-judul" className="text-lg font-semibold text-brand-900">{labels.result}</h2>
      <div className="flex items-end justify-between gap-3" aria-live="polite">
        <div>
          <div className="text-sm text-slate-600">{labels.index}</div>
          <div className="text-4xl font-bold tabular-nums text-brand-900" data-testid="indeks">{formatIndex(score.indexExact)}</div>
          <div className="text-xs text-slate-600">
            {labels.exactValue}: <span className="tabular-nums" data-testid="indeks-eksak">{formatDecimal(score.indexExact, locale)}</span>
          </div>
        </div>
        <div className="text-right">
          <div className="text-sm text-slate-600">{labels.predicate}</div>
          <div data-testid="predikat"><PredicateBadge predicate={score.predicate} /></div>
        </div>
      </div>

      <div>
        <div className="flex justify-between text-sm">
          <span>{labels.completeness}</span>
          <span data-testid="kelengkapan">{fill(labels.answeredOf, { answered: score.answeredCount, total: score.indicatorCount })}</span>
        </div>
        <div className="mt-1 h-2 overflow-hidden rounded bg-slate-200" aria-hidden="true">
          <div className="h-full bg-brand-600" style={{ width: `${Math.round(score.completeness * 100)}%` }} />
        </div>
        {score.completeness < 1 && (
          <p className="mt-1 text-xs text-amber-800" data-testid="indeks-belum-lengkap">
            {fill(labels.incomplete, { value: formatDecimal(unansweredValueOf(framework), locale) })}
          </p>
        )}
      </div>

      <fieldset className="text-sm">
        <legend className="font-medium">{labels.basisLabel}</legend>
        {(["exact", "rounded"] as const).map((option) => (
          <label key={option} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="dasar-predikat" checked={basis === option} onChange={() => setBasis(option)} className="accent-brand-700" />
            {option === "exact" ? labels.basisExact : labels.basisRounded}
          </label>
        ))}
      </fieldset>

      {kinds.map((kind) => (
        <div key={kind}>
          <h3 className="text-sm font-semibold">{fill(labels.nodesTitle, { kind: nodeKindLabels[kind] ?? kind })}</h3>
          <table className="mt-1 w-full text-sm">
            <tbody>
              {score.nodes
                .filter((node) => node.kind === kind)
                .map((node) => (
                  <tr key={node.code} className="border-t border-slate-100">
                    <td className="py-1 pr-2">
                      <span className="font-medium">{node.code}</span> {node.name}
                    </td>
                    <td className="py-1 text-right tabular-nums" data-testid={`indeks-${node.code}`}>{formatIndex(node.indexExact)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}

      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3 text-sm">
        <span>{labels.fillAll}</span>
        {framework.valueScale.integer &&
          levels.map((level) => (
            <button key={level} type="button" onClick={() => setAll(level)} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
              {level}
            </button>
          ))}
        <button type="button" onClick={() => setAll(null)} className="ml-auto rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100">
          {labels.reset}
        </button>
      </div>
    </section>
  );
}

export function CalculationTrail({ labels }: { labels: Labels }) {
  const { score, framework } = useCalculator();
  const locale = useLocale();
  const unanswered = unansweredValueOf(framework);
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold text-brand-900">{labels.trail}</summary>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm tabular-nums">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="py-1 pr-2">{labels.trailIndicator}</th>
              <th className="py-1 pr-2 text-right">{labels.trailValue}</th>
              <th className="py-1 pr-2 text-right">{labels.trailWeight}</th>
              <th className="py-1 text-right">{labels.trailProduct}</th>
            </tr>
          </thead>
          <tbody>
            {score.trail.indicators.map((row) => (
              <tr key={row.number} className="border-t border-slate-100">
                <td className="py-1 pr-2">{row.number}. {row.name}</td>
                <td className="py-1 pr-2 text-right">{formatDecimal(row.value ?? unanswered, locale)}</td>
                <td className="py-1 pr-2 text-right">{formatDecimal(row.weight, locale)}</td>
                <td className="py-1 text-right">{formatDecimal(row.product, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="mt-4 w-full text-sm tabular-nums">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="py-1 pr-2">{labels.trailNode}</th>
              <th className="py-1 pr-2 text-right">{labels.trailSumProduct}</th>
              <th className="py-1 pr-2 text-right">{labels.trailSumWeight}</th>
              <th className="py-1 text-right">{labels.trailIndex}</th>
            </tr>
          </thead>
          <tbody>
            {score.trail.nodes.map((row) => (
              <tr key={row.code} className="border-t border-slate-100">
                <td className="py-1 pr-2">{row.code}</td>
                <td className="py-1 pr-2 text-right">{formatDecimal(row.sumProduct, locale)}</td>
                <td className="py-1 pr-2 text-right">{formatDecimal(row.sumWeight, locale)}</td>
                <td className="py-1 text-right">{formatDecimal(row.indexExact, locale)}</td>
              </tr>
            ))}
            <tr className="border-t-2 border-slate-300 font-semibold">
              <td className="py-1 pr-2">{labels.trailTotal}</td>
              <td className="py-1 pr-2 text-right">{formatDecimal(score.trail.total.sumProduct, locale)}</td>
              <td className="py-1 pr-2 text-right">{formatDecimal(score.trail.total.sumWeight, locale)}</td>
              <td className="py-1 text-right">{formatDecimal(score.trail.total.indexExact, locale)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** On small screens the result panel is far below: keep the index in view at the bottom. */
export function MobileIndexBar({ labels }: { labels: Labels }) {
  const { score } = useCalculator();
  return (
    <a
      href="#hasil-judul"
      className="fixed inset-x-0 bottom-0 z-10 flex items-center justify-between gap-3 border-t border-slate-200 bg-white px-4 py-2 shadow-lg lg:hidden"
    >
      <span className="text-sm text-slate-600">{labels.index}</span>
      <span className="text-2xl font-bold tabular-nums text-brand-900">{formatIndex(score.indexExact)}</span>
      <PredicateBadge predicate={score.predicate} />
      <span className="text-xs text-slate-600">{fill(labels.answeredOf, { answered: score.answeredCount, total: score.indicatorCount })}</span>
    </a>
  );
}
