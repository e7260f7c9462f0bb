"use client";

// The Koordinator's indicators x units matrix inside an ActionForm. Client JS only for
// what a person does here: whole rows and columns at once, the default owners, the count
// of unsaved changes. Every checked cell is a plain checkbox the form posts as is.
import { Fragment, useMemo, useState } from "react";
import { SubmitButton, useFormContext } from "@/components/forms/action-form";
import { fill } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { AssignmentMatrix as Matrix } from "@/lib/assessment/assignment-matrix";

type Props = Omit<Matrix, "period"> & {
  periodId: string;
  labels: Messages["assignments"];
  statuses: Record<string, string>;
  savingLabel: string;
};

const pairKey = (indicatorId: string, unitId: string) => `${indicatorId}:${unitId}`;

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const item of a) if (!b.has(item)) count += 1;
  for (const item of b) if (!a.has(item)) count += 1;
  return count;
}

export function AssignmentMatrix({ periodId, version, canEdit, units, groups, pairs: initialPairs, assignees: initialAssignees, people, labels, statuses, savingLabel }: Props) {
  const initial = useMemo(() => ({ pairs: new Set(initialPairs), assignees: new Set(initialAssignees) }), [initialPairs, initialAssignees]);
  const [pairs, setPairs] = useState<ReadonlySet<string>>(initial.pairs);
  const [assignees, setAssignees] = useState<ReadonlySet<string>>(initial.assignees);
  const [overwrite, setOverwrite] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors } = useFormContext();

  const indicators = useMemo(() => groups.flatMap((group) => group.indicators), [groups]);
  // Owners of a submitted or verified answer stay: the server refuses to remove them anyway.
  const settled = useMemo(() => new Set(indicators.filter((indicator) => indicator.settledStatus).map((indicator) => indicator.id)), [indicators]);
  const isLocked = (key: string) => initial.pairs.has(key) && settled.has(key.split(":")[0]!);

  function update(next: Set<string>) {
    setPairs(next);
    // Named people belong to a pair: unchecking the pair drops them.
    setAssignees((current) => new Set([...current].filter((key) => next.has(key.split(":").slice(0, 2).join(":")))));
  }

  function setCells(keys: string[], checked: boolean) {
    const next = new Set(pairs);
    for (const key of keys) {
      if (checked) next.add(key);
      else if (!isLocked(key)) next.delete(key);
    }
    update(next);
  }

  const toggleAll = (keys: string[]) => setCells(keys, !keys.every((key) => pairs.has(key)));

  function applyDefaults() {
    const next = new Set(pairs);
    let count = 0;
    for (const indicator of indicators) {
      const keys = units.map((unit) => pairKey(indicator.id, unit.id));
      if (!overwrite && keys.some((key) => next.has(key))) continue;
      for (const key of keys) if (!isLocked(key)) next.delete(key);
      for (const unitId of indicator.defaultUnitIds) next.add(pairKey(indicator.id, unitId));
      count += 1;
    }
    update(next);
    setNotice(fill(labels.defaultsApplied, { count }));
  }

  const changes = symmetricDifference(pairs, initial.pairs) + symmetricDifference(assignees, initial.assignees);
  const withoutOwner = indicators.filter((indicator) => !units.some((unit) => pairs.has(pairKey(indicator.id, unit.id)))).length;

  return (
    <fieldset disabled={!canEdit} className="space-y-3">
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="version" value={version} />

      {canEdit && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <button type="button" onClick={applyDefaults} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
            {labels.applyDefaults}
          </button>
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} />
            {labels.overwrite}
          </label>
          <p className="w-full text-xs text-slate-600">{labels.defaultsHint}</p>
          {notice && <p role="status" className="w-full text-sm text-brand-900">{notice}</p>}
        </div>
      )}

      <div className="flex flex-wrap items-center gap-3">
        {canEdit && <SubmitButton pendingLabel={savingLabel}>{labels.save}</SubmitButton>}
        <span className="text-sm text-slate-700" data-testid="jumlah-perubahan">{fill(labels.changes, { count: changes })}</span>
        {withoutOwner > 0 && (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900" data-testid="tanpa-penanggung-jawab">
            {fill(labels.noOwnerCount, { count: withoutOwner })}
          </span>
        )}
      </div>
      {(errors.pairs || errors.assignees) && (
        <p role="alert" className="text-sm text-red-700">{errors.pairs ?? errors.assignees}</p>
      )}

      <div className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="text-sm">
          <thead className="sticky top-0 z-20 bg-slate-50">
            <tr>
              <th scope="col" className="sticky left-0 z-30 min-w-80 bg-slate-50 p-2 text-left align-bottom">{labels.indicator}</th>
              {units.map((unit) => (
                <th key={unit.id} scope="col" className="p-1 align-bottom">
                  <button
                    type="button"
                    title={unit.name}
                    aria-label={fill(labels.toggleColumn, { unit: unit.label })}
                    onClick={() => toggleAll(indicators.map((indicator) => pairKey(indicator.id, unit.id)))}
                    className="rotate-180 rounded px-1 py-2 text-xs font-medium [writing-mode:vertical-rl] hover:bg-slate-200"
                  >
                    {unit.label}
                    {!unit.isActive && ` (${labels.inactiveUnit})`}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map(renderGroup)}
          </tbody>
        </table>
      </div>
    </fieldset>
  );

  // Render helpers, not components: a component declared in here would remount on every
  // change and close the open <details>.
  function renderGroup(group: Props["groups"][number]) {
    return (
      <Fragment key={group.code}>
        <tr className="border-t border-slate-200 bg-brand-50">
          <th scope="colgroup" colSpan={units.length + 1} className="sticky left-0 p-2 text-left text-xs font-semibold uppercase tracking-wide text-brand-900">
            {group.title}
          </th>
        </tr>
        {group.indicators.map((indicator) => {
          const rowKeys = units.map((unit) => pairKey(indicator.id, unit.id));
          const owners = units.filter((unit) => pairs.has(pairKey(indicator.id, unit.id)));
          return (
            <tr key={indicator.id} className="border-t border-slate-100 align-top" data-testid={`penugasan-${indicator.number}`}>
              <th scope="row" className="sticky left-0 z-10 max-w-96 bg-white p-2 text-left font-normal">
                <div className="flex items-start gap-2">
                  <span className="font-semibold tabular-nums">{indicator.number}.</span>
                  <span className="flex-1">{indicator.name}</span>
                  {canEdit && (
                    <button type="button" aria-label={fill(labels.toggleRow, { number: indicator.number })} onClick={() => toggleAll(rowKeys)} className="text-xs text-brand-700 underline">
                      {labels.rowAll}
                    </button>
                  )}
                </div>
                {owners.length === 0 && <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-900">{labels.noOwner}</span>}
                {indicator.settledStatus && (
                  <p className="mt-1 text-xs text-slate-600">{fill(labels.ownerLocked, { status: (statuses[indicator.settledStatus] ?? indicator.settledStatus).toLowerCase() })}</p>
                )}
                {owners.length > 0 && renderPeople(indicator.id, owners)}
              </th>
              {units.map((unit) => {
                const key = pairKey(indicator.id, unit.id);
                const checked = pairs.has(key);
                return (
                  <td key={unit.id} className="p-1 text-center">
                    <input
                      type="checkbox"
                      name="pairs[]"
                      value={key}
                      checked={checked}
                      disabled={!checked && !unit.isActive}
                      aria-label={fill(labels.cell, { number: indicator.number, unit: unit.label })}
                      onChange={(event) => setCells([key], event.target.checked)}
                      className="size-4"
                    />
                  </td>
                );
              })}
            </tr>
          );
        })}
      </Fragment>
    );
  }

  function renderPeople(indicatorId: string, owners: Props["units"]) {
    const named = owners.reduce((count, unit) => count + (people[unit.id] ?? []).filter((person) => assignees.has(`${indicatorId}:${unit.id}:${person.id}`)).length, 0);
    return (
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-brand-700">{fill(labels.people, { count: named })}</summary>
        <p className="mt-1 text-slate-600">{labels.peopleHint}</p>
        {owners.map((unit) => (
          <div key={unit.id} className="mt-1">
            <span className="font-medium">{unit.label}: </span>
            {(people[unit.id] ?? []).length === 0 && <span className="text-slate-600">{labels.noPeople}</span>}
            {(people[unit.id] ?? []).map((person) => {
              const key = `${indicatorId}:${unit.id}:${person.id}`;
              return (
                <label key={person.id} className="mr-3 inline-flex items-center gap-1">
                  <input
                    type="checkbox"
                    name="assignees[]"
                    value={key}
                    checked={assignees.has(key)}
                    onChange={(event) =>
                      setAssignees((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(key);
                        else next.delete(key);
                        return next;
                      })
                    }
                  />
                  {person.name}
                </label>
              );
            })}
          </div>
        ))}
      </details>
    );
  }
}
