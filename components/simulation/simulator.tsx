"use client";

// The target simulation: targets per indicator, the projected index and predicate
// recomputed on every change by the same exact engine the server uses, the fastest path
// to a goal, and (for the Koordinator) the form that saves the raised targets as a plan.
import type { ReactNode } from "react";
import { unansweredValueOf, type FrameworkDefinition } from "@/lib/framework/schema";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { Decimal, formatIndex, type scoreAssessment, type PredicateBasis } from "@/lib/scoring";
import type { FastestPath } from "@/lib/simulation/fastest-path";
import { formatGain, indexGain } from "@/lib/simulation/gain";
import type { CurrentLevel } from "@/lib/simulation/current-levels";
import { targetOptions } from "@/lib/simulation/simulation-state";
import type { FormState } from "@/lib/validation/form-state";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { LevelInput } from "@/components/forms/level-input";
import { PredicateBadge } from "@/components/predicate-badge";
import { useSimulation } from "@/components/simulation/use-simulation";
import { checkLevel, displayLevel, levelScaleOf, type LevelTexts } from "@/lib/assessment/level-rule";

type Labels = Messages["simulation"];

type Props = {
  periodId: string;
  definition: FrameworkDefinition;
  current: Record<string, CurrentLevel>;
  owners: Record<string, string[]>;
  basis: PredicateBasis;
  savePlan: ((state: FormState, formData: FormData) => Promise<FormState>) | null;
  recommendationsHref: string;
  labels: Labels;
  levelTexts: LevelTexts;
  nodeKindLabels: Record<string, string>;
  forms: { fixErrors: string; saving: string };
};

const level = (text: string | null) => (text === null ? "–" : text.replace(".", ","));

export function Simulator({ periodId, definition, current, owners, basis, savePlan, recommendationsHref, labels, levelTexts, nodeKindLabels, forms }: Props) {
  const { base, state, dispatch, projected, difference, raised } = useSimulation(definition, current, basis);
  const { rows, now, higherBands } = base;
  const { targets, drafts, held, path, goal, goalIndex } = state;
  const goalError = state.goalIndexInvalid ? labels.goalIndexInvalid : null;

  const names = new Map(rows.flatMap((row) => (row.kind === "indicator" ? [[row.number, row.name] as const] : [])));
  const topKind = definition.nodeKinds[0] ?? "";

  return (
    <div className="space-y-6">
      <section aria-labelledby="sim-ringkasan" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <h2 id="sim-ringkasan" className="sr-only">{labels.projected}</h2>
        <div>
          <div className="text-sm text-slate-600">{labels.now}</div>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-3xl font-bold tabular-nums text-brand-900" data-testid="sim-indeks-kini">{formatIndex(now.indexExact)}</span>
            <span data-testid="sim-predikat-kini"><PredicateBadge predicate={now.predicate} /></span>
          </div>
          {now.answeredCount < now.indicatorCount && <p className="mt-1 text-xs text-slate-600">{fill(labels.unanswered, { count: now.indicatorCount - now.answeredCount })}</p>}
        </div>
        <div aria-live="polite">
          <div className="text-sm text-slate-600">{labels.projected}</div>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-3xl font-bold tabular-nums text-brand-900" data-testid="sim-indeks-proyeksi">{formatIndex(projected.indexExact)}</span>
            <span data-testid="sim-predikat-proyeksi"><PredicateBadge predicate={projected.predicate} /></span>
          </div>
          <p className="mt-1 text-xs text-slate-600">{basis === "rounded" ? labels.basisRounded : labels.basisExact}</p>
        </div>
        <div>
          <div className="text-sm text-slate-600">{labels.difference}</div>
          <div className="text-3xl font-bold tabular-nums text-green-800" data-testid="sim-selisih">{difference.isNegative() ? formatIndex(difference.toString()) : `+${formatIndex(difference.toString())}`}</div>
        </div>
        <NodeTable now={now} projected={projected} title={fill(labels.nodes, { kind: nodeKindLabels[topKind] ?? topKind })} />
      </section>

      <section aria-labelledby="jalur-judul" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="jalur-judul" className="text-lg font-semibold">{labels.pathTitle}</h2>
        <p className="text-sm text-slate-700">{labels.pathIntro}</p>
        <div className="flex flex-wrap items-end gap-3">
          <div className="text-sm">
            <label htmlFor="jalur-tujuan" className="block font-medium">{labels.goal}</label>
            <select id="jalur-tujuan" value={goal} onChange={(event) => dispatch({ type: "goalChosen", goal: event.target.value })} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
              {higherBands.map((band) => (
                <option key={band.name} value={`predicate:${band.name}`}>{fill(labels.goalPredicate, { predicate: band.name })}</option>
              ))}
              <option value="index">{labels.goalIndex}</option>
            </select>
          </div>
          {goal === "index" && (
            <div className="text-sm">
              <label htmlFor="jalur-indeks" className="block font-medium">{labels.goalIndexValue}</label>
              <input
                id="jalur-indeks"
                value={goalIndex}
                onChange={(event) => dispatch({ type: "goalIndexTyped", text: event.target.value })}
                inputMode="decimal"
                placeholder={labels.goalIndexHint}
                aria-invalid={!!goalError}
                aria-describedby={goalError ? "jalur-galat" : undefined}
                className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1.5"
              />
            </div>
          )}
          <button type="button" onClick={() => dispatch({ type: "pathAsked" })} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">{labels.compute}</button>
          <button type="button" onClick={() => dispatch({ type: "reset" })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">{labels.reset}</button>
        </div>
        {goalError && <p id="jalur-galat" className="text-sm text-red-700">{goalError}</p>}
        {path && <PathResult path={path} names={names} labels={labels} />}
      </section>

      <section aria-labelledby="target-judul" className="space-y-2">
        <h2 id="target-judul" className="text-lg font-semibold">{labels.tableTitle}</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="p-2">{labels.number}</th>
                <th scope="col" className="p-2">{labels.indicator}</th>
                <th scope="col" className="p-2 text-right">{labels.weight}</th>
                <th scope="col" className="p-2">{labels.owner}</th>
                <th scope="col" className="p-2 text-center">{labels.current}</th>
                <th scope="col" className="p-2">{labels.target}</th>
                <th scope="col" className="p-2 text-right">{labels.gain}</th>
                <th scope="col" className="p-2 text-center">{labels.hold}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                if (row.kind === "group") {
                  return (
                    <tr key={row.code} className="border-t border-slate-200 bg-brand-50">
                      <th scope="colgroup" colSpan={8} className={`p-2 text-left font-semibold text-brand-900 ${row.depth > 0 ? "pl-6 font-medium" : ""}`}>{row.code} {row.name}</th>
                    </tr>
                  );
                }
                const key = String(row.number);
                const entry = current[key];
                const from = entry?.level ?? null;
                const target = targets[key] ?? null;
                const gain = target === null ? Decimal.ZERO : indexGain(row.weight, from, target, unansweredValueOf(definition));
                return (
                  <tr key={key} className="border-t border-slate-100" data-testid={`sim-baris-${row.number}`}>
                    <td className="p-2 tabular-nums">{row.number}</td>
                    <td className="p-2">{row.name}</td>
                    <td className="p-2 text-right tabular-nums">{row.weight.replace(".", ",")}</td>
                    <td className="p-2 text-slate-700">{owners[key]?.join(", ") ?? "–"}</td>
                    <td className="p-2 text-center tabular-nums">
                      {level(from)}
                      {entry && <span className="block text-xs text-slate-600">{labels.stages[entry.stage]}</span>}
                    </td>
                    <td className="p-2">
                      <TargetControl
                        definition={definition}
                        number={row.number}
                        from={from}
                        target={target}
                        draft={drafts[key]}
                        label={fill(labels.targetLabel, { number: row.number })}
                        levelTexts={{ ...levelTexts, none: labels.notAnswered }}
                        invalidLabel={fill(labels.levelInvalid, { min: definition.valueScale.min, max: definition.valueScale.max })}
                        onDraft={(text) => dispatch({ type: "targetTyped", number: row.number, text })}
                        onChange={(value) => dispatch({ type: "targetSet", number: row.number, value })}
                      />
                    </td>
                    <td className="p-2 text-right tabular-nums text-green-800">{gain.isZero() ? "" : formatGain(gain)}</td>
                    <td className="p-2 text-center">
                      <input
                        type="checkbox"
                        aria-label={fill(labels.holdLabel, { number: row.number })}
                        checked={!!held[key]}
                        onChange={(event) => dispatch({ type: "held", number: row.number, held: event.target.checked })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {savePlan && (
        <section aria-labelledby="rencana-judul" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="rencana-judul" className="text-lg font-semibold">{labels.planTitle}</h2>
          <p className="text-sm text-slate-700">{labels.planIntro}</p>
          <p className="text-sm font-medium" data-testid="rencana-jumlah">{raised.length === 0 ? labels.planEmpty : fill(labels.planCount, { count: raised.length })}</p>
          {raised.length > 0 && (
            <ActionForm id="rencana" action={savePlan} schema="planSave" fixErrorsMessage={forms.fixErrors} className="grid gap-3 sm:grid-cols-2">
              <input type="hidden" name="periodId" value={periodId} />
              {raised.map((item) => (
                <input key={item.number} type="hidden" name={`target-${item.number}`} value={item.target} />
              ))}
              <TextField type="date" name="dueDate" label={labels.dueDate} />
              <TextAreaField name="note" label={labels.note} rows={2} />
              <div className="sm:col-span-2">
                <SubmitButton pendingLabel={forms.saving}>{labels.savePlan}</SubmitButton>
              </div>
            </ActionForm>
          )}
          <a href={recommendationsHref} className="inline-block text-sm text-brand-700 underline">{labels.toRecommendations}</a>
        </section>
      )}
    </div>
  );
}

function NodeTable({ now, projected, title }: { now: ReturnType<typeof scoreAssessment>; projected: ReturnType<typeof scoreAssessment>; title: string }) {
  const tops = now.nodes.filter((node) => node.parentCode === null);
  if (tops.length === 0) return null;
  return (
    <table className="text-sm sm:col-span-3">
      <caption className="text-left font-medium text-slate-700">{title}</caption>
      <tbody>
        {tops.map((node) => {
          const after = projected.nodes.find((candidate) => candidate.code === node.code);
          return (
            <tr key={node.code} className="border-t border-slate-100">
              <th scope="row" className="p-1 pr-4 text-left font-normal">{node.code} {node.name}</th>
              <td className="p-1 text-right tabular-nums">{formatIndex(node.indexExact)}</td>
              <td className="p-1 text-center" aria-hidden="true">→</td>
              <td className="p-1 text-right font-semibold tabular-nums">{after ? formatIndex(after.indexExact) : "–"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PathResult({ path, names, labels }: { path: FastestPath; names: Map<number, string>; labels: Labels }) {
  const index = formatIndex(path.index.toString());
  let message: ReactNode;
  if (path.status === "reached") message = labels.reached;
  else if (path.status === "unreachable") message = fill(labels.unreachable, { index, predicate: path.predicate });
  else message = fill(labels.found, { count: path.steps.length, index, predicate: path.predicate });
  return (
    <div role="status" data-testid="jalur-hasil" className="space-y-2">
      <p className={`text-sm font-medium ${path.status === "unreachable" ? "text-red-800" : "text-slate-900"}`}>{message}</p>
      {path.steps.length > 0 && (
        <ol className="list-decimal space-y-0.5 pl-6 text-sm">
          {path.steps.map((step) => (
            <li key={`${step.number}-${step.to}`} data-testid="jalur-langkah">
              {fill(labels.step, { number: step.number, name: names.get(step.number) ?? "", from: level(step.from), to: level(step.to) })}
              <span className="tabular-nums text-green-800"> · {formatGain(step.gain)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

type TargetControlProps = {
  definition: FrameworkDefinition;
  number: number;
  from: string | null;
  target: string | null;
  draft: string | undefined;
  label: string;
  levelTexts: LevelTexts & { none: string };
  /** Shown when the target is below the current level or empty while a level exists. */
  invalidLabel: string;
  onDraft(text: string): void;
  onChange(value: string | null): void;
};

/** The shared level control (select or decimal field), plus the simulation's own rule: never below the current level. */
function TargetControl({ definition, number, from, target, draft, label, levelTexts, invalidLabel, onDraft, onChange }: TargetControlProps) {
  const text = draft ?? (target === null ? "" : displayLevel(target));
  const checked = checkLevel(levelScaleOf(definition), text);
  const isBelowCurrent = "level" in checked && from !== null && (checked.level === null || Decimal.parse(checked.level).lt(Decimal.parse(from)));
  return (
    <LevelInput
      id={`target-${number}`}
      label={label}
      scale={levelScaleOf(definition)}
      options={targetOptions(definition, from).map((option) => ({ value: option, label: option }))}
      texts={levelTexts}
      allowNone={from === null}
      value={text}
      error={isBelowCurrent ? invalidLabel : undefined}
      onValue={(next, value) => {
        onDraft(next);
        if (value === null && next.trim() === "" && from === null) onChange(null);
        else if (value !== null && (from === null || Decimal.parse(value).gte(Decimal.parse(from)))) onChange(Decimal.parse(value).toString());
      }}
      className="w-20"
    />
  );
}
