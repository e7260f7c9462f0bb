// The criteria of one indicator, level by level, as the person deciding its value must
// read them: each text with its level name and, where it is not the regulation's own
// wording, a visible mark saying so. Server-rendered; no state.
import type { LevelCriterion } from "@/lib/framework/catalog";
import { needsWordingMark } from "@/lib/framework/catalog";
import type { ExternalIndex, IndicatorNode } from "@/lib/framework/schema";
import type { Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/format";
import { displayLevel } from "@/lib/assessment/level-rule";

type Labels = Messages["criteria"];

export function WordingMark({ standing, labels }: { standing: LevelCriterion["standing"]; labels: Labels }) {
  if (!needsWordingMark(standing)) return null;
  return (
    <span className="ml-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="tanda-kriteria">
      {labels.standing[standing]}
    </span>
  );
}

export function IndicatorDescription({ indicator, labels }: { indicator: IndicatorNode; labels: Labels }) {
  // Frameworks without descriptions (spbe-2020 has its question instead) show nothing.
  if (indicator.description === undefined && indicator.levels === undefined) return null;
  return (
    <section className="text-sm" data-testid="deskripsi-indikator">
      <h2 className="font-semibold">{labels.description}</h2>
      <p className="text-slate-700">{indicator.description ?? labels.descriptionMissing}</p>
    </section>
  );
}

function ExternalIndexNote({ external, labels }: { external: ExternalIndex; labels: Labels }) {
  const range = (min: string | null, max: string) => (min === null ? `< ${displayLevel(max)}` : `${displayLevel(min)}–${displayLevel(max)}`);
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-2 text-sm" data-testid="indeks-eksternal">
      <p className="font-medium">
        {labels.externalIndex}: {external.name} ({external.owner})
      </p>
      <p className="text-slate-700">{external.use === "converted" ? labels.externalConverted : labels.externalEvidence}</p>
      {external.provisional && <p className="font-medium text-amber-900">{labels.externalProvisional}</p>}
      {external.valueWhileMissing !== null && (
        <p className="text-slate-700">{fill(labels.externalWhileMissing, { value: displayLevel(external.valueWhileMissing) })}</p>
      )}
      <ul className="mt-1 list-disc pl-5 text-slate-700">
        {external.bands.map((band) => (
          <li key={band.level}>
            {band.valueMin !== undefined && band.valueMax !== undefined
              ? fill(labels.externalBandValue, { level: band.level, index: range(band.indexMin, band.indexMax), value: range(band.valueMin, band.valueMax) })
              : fill(labels.externalBand, { level: band.level, index: range(band.indexMin, band.indexMax) })}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600">{external.note}</p>
    </div>
  );
}

/**
 * Every level with its name, criterion, condition, expected evidence and butir. `levelLabel`
 * is the word for "level" in the current language.
 */
export function CriteriaList({
  criteria,
  indicator,
  labels,
  levelLabel,
}: {
  criteria: readonly LevelCriterion[];
  indicator: IndicatorNode;
  labels: Labels;
  levelLabel: string;
}) {
  return (
    <section className="space-y-2 text-sm" aria-labelledby={`kriteria-${indicator.number}`}>
      <h2 id={`kriteria-${indicator.number}`} className="font-semibold">{labels.title}</h2>
      {indicator.externalIndex && <ExternalIndexNote external={indicator.externalIndex} labels={labels} />}
      <ol className="space-y-2">
        {criteria.map((criterion) => (
          <li key={criterion.level} className="rounded-md border border-slate-200 bg-white p-2" data-testid={`kriteria-tingkat-${criterion.level}`}>
            <p>
              <span className="font-medium">
                {levelLabel} {criterion.level} · {criterion.name}
              </span>
              <WordingMark standing={criterion.standing} labels={labels} />
            </p>
            <p className="mt-0.5 text-slate-700">{criterion.text}</p>
            {criterion.condition && (
              <p className="mt-1 text-slate-700">
                <span className="font-medium">{labels.condition}:</span> {criterion.condition}
              </p>
            )}
            {criterion.detail && criterion.detail.butir.length > 0 ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-brand-800">
                  {labels.expectedEvidence} ({labels.butir} {criterion.detail.butir.length})
                </summary>
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {criterion.detail.butir.map((butir) => (
                    <li key={butir.code}>
                      <span className="font-mono text-xs">{butir.code}</span> {butir.text}
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              criterion.expectedEvidence.length > 0 && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-brand-800">{labels.expectedEvidence}</summary>
                  <ul className="mt-1 list-disc pl-5 text-slate-700">
                    {criterion.expectedEvidence.map((line) => <li key={line}>{line}</li>)}
                  </ul>
                </details>
              )
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
