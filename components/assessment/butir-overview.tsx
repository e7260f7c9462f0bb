// What the national application asks per level (butir) and, for indicators fed by another
// national index, how that index converts. Read-only: shown for frameworks whose data has
// butir or an external index; spbe-2020 has neither and shows nothing.
import type { ExternalIndex, IndicatorNode } from "@/lib/framework/schema";
import { displayLevel } from "@/lib/assessment/level-rule";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

type Labels = Messages["answers"];

export function ButirOverview({ indicator, labels }: { indicator: Pick<IndicatorNode, "levels">; labels: Labels }) {
  const levels = [...(indicator.levels ?? [])].sort((left, right) => left.level - right.level);
  if (!levels.some((level) => level.butir.length > 0)) return null;
  return (
    <section className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="butir-per-tingkat">
      <h2 className="font-semibold">{labels.butirTitle}</h2>
      <p className="text-slate-600">{labels.butirIntro}</p>
      {levels.map((level) => (
        <div key={level.level}>
          <h3 className="font-medium">{fill(labels.butirLevel, { level: level.level, count: level.butir.length })}</h3>
          {level.butir.length === 0 ? (
            <p className="text-amber-800">{labels.butirUnknown}</p>
          ) : (
            <ul className="list-none space-y-1 pl-0">
              {level.butir.map((butir) => (
                <li key={butir.code}>
                  <code className="mr-2 rounded bg-slate-100 px-1">{butir.code}</code>
                  {butir.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

export function ExternalIndexPanel({ index, floor, labels }: { index: ExternalIndex; floor: string; labels: Labels }) {
  const bands = [...index.bands].sort((left, right) => left.level - right.level);
  return (
    <section className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="indeks-eksternal">
      <h2 className="font-semibold">{labels.externalTitle}: {index.name}</h2>
      <p>{labels.externalOwner}: {index.owner}</p>
      {index.use === "converted" ? (
        <p className="font-medium" data-testid="menunggu-nilai-eksternal">
          {fill(labels.externalWaiting, { value: displayLevel(index.valueWhileMissing ?? floor) })}
        </p>
      ) : (
        <p>{labels.externalEvidenceUse}</p>
      )}
      {index.provisional && <p className="text-amber-900">{labels.externalProvisional}</p>}
      <h3 className="font-medium">{labels.externalBands}</h3>
      <ul className="list-disc pl-5">
        {bands.map((band) => {
          const range =
            band.indexMin === null
              ? fill(labels.externalRangeBelow, { max: displayLevel(band.indexMax) })
              : fill(labels.externalRange, { min: displayLevel(band.indexMin), max: displayLevel(band.indexMax) });
          const params = {
            level: band.level,
            range,
            valueMin: displayLevel(band.valueMin),
            valueMax: displayLevel(band.valueMax),
          };
          const documented = band.valueMin !== undefined && band.valueMax !== undefined;
          return <li key={band.level}>{fill(documented ? labels.externalBandValue : labels.externalBandLevel, params)}</li>;
        })}
      </ul>
      <p className="text-slate-700">{index.note}</p>
    </section>
  );
}
