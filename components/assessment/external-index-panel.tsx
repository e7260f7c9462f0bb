// Where an indicator fed by another national index stands: the value entered with its year
// and source document and what it converts to (provisional conversions marked), or
// "menunggu nilai eksternal" and what the indicator counts meanwhile; with the entry form
// for the owner unit and the Koordinator. Server-rendered around the one ActionForm.
import type { ReactNode } from "react";
import type { ExternalIndexStanding, SelfStageEffect } from "@/lib/scoring/external-index-values";
import { displayLevel } from "@/lib/assessment/level-rule";
import { indexScaleOf } from "@/lib/scoring/external-index";
import type { Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/format";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";

type Labels = Messages["externalIndex"];
type Source = { id: string; title: string; kind: string; url: string | null };
type FormAction = Parameters<typeof ActionForm>[0]["action"];

/** The one line the overview, the to-do list and the form share: the index's standing in words. */
export function externalIndexSummary(standing: ExternalIndexStanding, labels: Labels): string {
  if (standing.state === "waiting") return labels.waiting;
  const entered = fill(labels.entered, { name: standing.index.name, year: standing.year, value: displayLevel(standing.value) });
  return standing.conversion.kind === "value" ? `${entered} → ${displayLevel(standing.conversion.value)}` : entered;
}

function StandingText({ standing, effect, labels }: { standing: ExternalIndexStanding; effect: SelfStageEffect; labels: Labels }): ReactNode {
  if (standing.state === "waiting") {
    return (
      <>
        <p className="font-medium text-amber-900" data-testid="indeks-menunggu">{labels.waiting}</p>
        <p className="text-slate-700">
          {effect.kind === "keep" ? labels.waitingNoEffect : fill(labels.waitingCounts, { value: displayLevel(effect.kind === "value" ? effect.value : (standing.counts ?? "1")) })}
        </p>
      </>
    );
  }
  const { conversion } = standing;
  return (
    <>
      <p className="font-medium" data-testid="indeks-nilai">{fill(labels.entered, { name: standing.index.name, year: standing.year, value: displayLevel(standing.value) })}</p>
      {standing.index.use === "evidence" && <p className="text-slate-700">{labels.evidenceOnly}</p>}
      {conversion.kind === "value" && (
        <p data-testid="indeks-konversi">
          <strong>{fill(labels.convertedValue, { value: displayLevel(conversion.value) })}</strong>
        </p>
      )}
      {conversion.kind === "level" && <p className="text-slate-700">{fill(labels.convertedLevel, { level: conversion.level })}</p>}
      {conversion.kind === "undocumented" && <p className="text-slate-700">{labels.undocumented}</p>}
      {conversion.kind !== "outside_scale" && conversion.provisional && (
        <p className="inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="konversi-sementara">{labels.provisional}</p>
      )}
      {effect.kind === "value" && <p className="text-slate-700">{labels.countsInSelf}</p>}
    </>
  );
}

export function ExternalIndexPanel(props: {
  periodId: string;
  indicatorId: string;
  standing: ExternalIndexStanding;
  effect: SelfStageEffect;
  row: { version: number; year: number; value: { toString(): string }; evidence: Source } | null;
  sources: readonly Source[];
  mayEnter: boolean;
  action: FormAction;
  labels: Labels;
  fixErrorsMessage: string;
  savingLabel: string;
}) {
  const { standing, effect, row, labels } = props;
  const scale = indexScaleOf(standing.index);
  // The document entered stays selectable even when it is not in this person's list.
  const sources = row && !props.sources.some((source) => source.id === row.evidence.id) ? [row.evidence, ...props.sources] : props.sources;
  return (
    <section className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="nilai-indeks-eksternal">
      <h2 className="text-lg font-semibold">{labels.title}</h2>
      <StandingText standing={standing} effect={effect} labels={labels} />
      {row && (
        <p>
          {labels.source}:{" "}
          <a href={row.evidence.kind === "FILE" ? `/bukti/${row.evidence.id}/unduh?pratinjau=1` : row.evidence.url!} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">
            {row.evidence.title}
          </a>
        </p>
      )}
      {props.mayEnter && (
        <ActionForm id="indeks-eksternal" action={props.action} schema="externalIndexSave" fixErrorsMessage={props.fixErrorsMessage} resetOnSuccess={false} className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="periodId" value={props.periodId} />
          <input type="hidden" name="indicatorId" value={props.indicatorId} />
          <input type="hidden" name="version" value={row?.version ?? 0} />
          <TextField
            name="value"
            label={fill(labels.value, { name: standing.index.name })}
            hint={fill(labels.valueHint, { min: displayLevel(scale.min), max: displayLevel(scale.max) })}
            defaultValue={row ? displayLevel(row.value) : ""}
          />
          <TextField name="year" label={labels.year} defaultValue={row ? String(row.year) : ""} />
          <SelectField
            name="evidenceId"
            label={labels.evidence}
            defaultValue={row?.evidence.id ?? ""}
            options={[{ value: "", label: labels.evidenceChoose }, ...sources.map((source) => ({ value: source.id, label: source.title }))]}
          />
          <div className="sm:col-span-3">
            <SubmitButton pendingLabel={props.savingLabel}>{labels.save}</SubmitButton>
          </div>
        </ActionForm>
      )}
    </section>
  );
}
