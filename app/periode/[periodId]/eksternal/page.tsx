import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { compareToSelf, loadExternalResults, RESULT_STAGES, type ContestableIndicator, type ExternalResults, type StageCell } from "@/lib/assessment/external-results";
import { displayLevel } from "@/lib/assessment/level-rule";
import { phaseAllows, type Phase } from "@/lib/assessment/phase";
import { can } from "@/lib/policy";
import { fill, formatDate, formatDateTime } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { FrameworkStatus } from "@/components/framework/framework-status";
import type { Messages } from "@/lib/i18n/messages";
import { formatIndex } from "@/lib/scoring";
import { EXTERNAL_STAGES, type ExternalStage } from "@/lib/validation/external";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { PredicateBadge } from "@/components/predicate-badge";
import { StageEntryCells } from "@/components/external/stage-entry-cells";
import { decideObjection, recordExternalStage, saveObjection } from "./actions";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("external");
export const dynamic = "force-dynamic";

type Labels = Messages["external"];
type Props = { params: Promise<{ periodId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function LevelCell({ cell, self, stage, number, labels }: { cell: StageCell | undefined; self: string | null; stage: string; number: number; labels: Labels }) {
  const testId = `eksternal-${number}-${stage}`;
  if (!cell?.level) {
    return (
      <td className="p-2 text-center text-slate-500" data-testid={testId}>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{labels.notRecorded}</span>
      </td>
    );
  }
  const difference = stage === "SELF" ? null : compareToSelf(cell.level, self);
  const style = difference === "lower" ? "bg-red-50 font-semibold text-red-800" : difference === "higher" ? "bg-green-50 font-semibold text-green-800" : "";
  return (
    <td className={`p-2 text-center tabular-nums ${style}`} data-testid={testId}>
      {displayLevel(cell.level)}
      {difference && (
        <>
          <span aria-hidden="true"> {difference === "lower" ? "▼" : "▲"}</span>
          <span className="sr-only"> ({labels[difference]})</span>
        </>
      )}
      {cell.notes && stage !== "SELF" && stage !== "INTERNAL_VERIFICATION" && (
        <details className="mt-1 text-left text-xs font-normal text-slate-700">
          <summary className="cursor-pointer text-brand-700">{labels.notes}</summary>
          <p className="mt-1 max-w-xs whitespace-pre-line">{cell.notes}</p>
        </details>
      )}
    </td>
  );
}

function ComparisonTable({ results, stageNames, labels }: { results: ExternalResults; stageNames: Record<string, string>; labels: Labels }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="p-2 text-left">{labels.number}</th>
            <th scope="col" className="p-2 text-left">{labels.indicator}</th>
            {RESULT_STAGES.map((stage) => (
              <th key={stage} scope="col" className="p-2 text-center">{stageNames[stage]}</th>
            ))}
          </tr>
        </thead>
        {results.groups.map((group) => (
          <tbody key={group.code}>
            <tr className="border-t border-slate-200 bg-brand-50">
              <th scope="colgroup" colSpan={RESULT_STAGES.length + 2} className="p-2 text-left font-semibold text-brand-900">{group.name}</th>
            </tr>
            {group.indicators.map((indicator) => (
              <tr key={indicator.number} className="border-t border-slate-100 align-top" data-testid={`eksternal-indikator-${indicator.number}`}>
                <td className="p-2 tabular-nums">{indicator.number}</td>
                <th scope="row" className="p-2 text-left font-normal">{indicator.name}</th>
                {RESULT_STAGES.map((stage) => (
                  <LevelCell key={stage} cell={indicator.cells[stage]} self={indicator.cells.SELF?.level ?? null} stage={stage} number={indicator.number} labels={labels} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function StageIndices({ results, stageNames, labels }: { results: ExternalResults; stageNames: Record<string, string>; labels: Labels }) {
  return (
    <section className="space-y-2" aria-labelledby="indeks-tahap">
      <h2 id="indeks-tahap" className="text-lg font-semibold">{labels.indicesTitle}</h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="p-2">{labels.stage}</th>
              <th scope="col" className="p-2 text-right">{labels.index}</th>
              <th scope="col" className="p-2">{labels.predicate}</th>
              <th scope="col" className="p-2">{labels.completeness}</th>
            </tr>
          </thead>
          <tbody>
            {results.scores.map(({ stage, score }) => (
              <tr key={stage} className="border-t border-slate-100" data-testid={`indeks-${stage}`}>
                <th scope="row" className="p-2 text-left font-normal">{stageNames[stage]}</th>
                <td className="p-2 text-right text-lg font-semibold tabular-nums text-brand-900">{formatIndex(score.indexExact)}</td>
                <td className="p-2"><PredicateBadge predicate={score.predicate} /></td>
                <td className="p-2 text-slate-700">
                  {fill(labels.completenessValue, { answered: score.answeredCount, total: score.indicatorCount })}
                  {score.answeredCount < score.indicatorCount && <span className="block text-xs text-slate-600">{labels.incomplete}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function deadlineText({ window, timeZone, period, objectionOutcome }: ExternalResults, labels: Labels, m: Messages): string {
  if (period.phase === "FINAL") return fill(m.sanggah.lockedOutcome, objectionOutcome);
  if (window.state === "unset") return labels.unset;
  const date = fill(labels.deadline, { date: formatDate(window.deadline, "id", timeZone) });
  if (window.state === "closed") return `${date} · ${labels.closed}`;
  return `${date} · ${window.daysLeft === 0 ? labels.dueToday : fill(labels.daysLeft, { days: window.daysLeft })}`;
}

type ObjectionFormsProps = { item: ContestableIndicator; periodId: string; isOpen: boolean; labels: Labels; m: Messages };

/** The Koordinator's forms on one row of the sanggah list: write or submit, then record the answer. */
function ObjectionForms({ item, periodId, isOpen, labels, m }: ObjectionFormsProps) {
  const current = item.objections.find((objection) => objection.stage === item.stage);
  const canWrite = isOpen && (!current || current.status === "DRAFT");
  const submitted = item.objections.filter((objection) => objection.status === "SUBMITTED");
  return (
    <div className="space-y-2">
      {canWrite && (
        <details>
          <summary className="cursor-pointer text-brand-700 underline">{labels.objectionEdit}</summary>
          <ActionForm id={`sanggah-${item.number}`} action={saveObjection} schema="objectionSave" resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="mt-2 w-80 space-y-2">
            <input type="hidden" name="periodId" value={periodId} />
            <input type="hidden" name="indicator" value={item.number} />
            <input type="hidden" name="stage" value={item.stage} />
            <TextAreaField name="reason" label={labels.reason} hint={labels.reasonHint} defaultValue={current?.reason ?? ""} />
            <SelectField
              name="status"
              label={labels.status}
              defaultValue="DRAFT"
              options={[
                { value: "DRAFT", label: labels.statusDraft },
                { value: "SUBMITTED", label: labels.statusSubmit },
              ]}
            />
            <SubmitButton pendingLabel={m.forms.saving}>{labels.objectionSave}</SubmitButton>
          </ActionForm>
        </details>
      )}
      {submitted.map((objection) => (
        <ActionForm key={objection.stage} id={`jawaban-${item.number}-${objection.stage}`} action={decideObjection} schema="objectionDecide" fixErrorsMessage={m.forms.fixErrors} className="w-80 space-y-2">
          <input type="hidden" name="periodId" value={periodId} />
          <input type="hidden" name="indicator" value={item.number} />
          <input type="hidden" name="stage" value={objection.stage} />
          <SelectField
            name="decision"
            label={`${labels.decision} (${m.answers.stages[objection.stage]})`}
            options={[
              { value: "ACCEPTED", label: labels.objectionStatuses.ACCEPTED! },
              { value: "REJECTED", label: labels.objectionStatuses.REJECTED! },
            ]}
          />
          <TextField name="correctedLevel" label={m.sanggah.correctedLevel} />
          <TextAreaField name="note" label={m.sanggah.note} rows={2} />
          <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{labels.decide}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}

function ObjectionList({ results, canRecord, stageNames, labels, m }: { results: ExternalResults; canRecord: boolean; stageNames: Record<string, string>; labels: Labels; m: Messages }) {
  const isOpen = results.window.state !== "closed";
  return (
    <section className="space-y-2" aria-labelledby="daftar-sanggah">
      <h2 id="daftar-sanggah" className="text-lg font-semibold">{labels.objectionsTitle}</h2>
      <p className="text-sm text-slate-700">{labels.objectionsIntro}</p>
      <p className={`text-sm font-medium ${isOpen ? "text-slate-900" : "text-red-800"}`} data-testid="batas-sanggah">{deadlineText(results, labels, m)}</p>
      {results.contestable.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="sanggah-kosong">{labels.objectionsEmpty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="p-2">{labels.number}</th>
                <th scope="col" className="p-2">{labels.indicator}</th>
                <th scope="col" className="p-2 text-center">{labels.selfLevel}</th>
                <th scope="col" className="p-2">{labels.stageLevel}</th>
                <th scope="col" className="p-2">{labels.objection}</th>
                {canRecord && <th scope="col" className="p-2">{m.forms.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {results.contestable.map((item) => (
                <tr key={item.number} className="border-t border-slate-100 align-top" data-testid={`sanggah-${item.number}`}>
                  <td className="p-2 tabular-nums">{item.number}</td>
                  <th scope="row" className="p-2 text-left font-normal">{item.name}</th>
                  <td className="p-2 text-center tabular-nums">{displayLevel(item.selfLevel)}</td>
                  <td className="p-2">
                    <span className="font-semibold tabular-nums text-red-800">{displayLevel(item.stageLevel)}</span>
                    <span aria-hidden="true"> ▼</span>
                    <span className="text-slate-600"> · {stageNames[item.stage]}</span>
                  </td>
                  <td className="p-2">
                    {item.objections.length === 0 ? (
                      <span className="text-slate-600">{labels.noObjection}</span>
                    ) : (
                      <ul className="space-y-1">
                        {item.objections.map((objection) => (
                          <li key={objection.stage} data-testid={`sanggah-${item.number}-${objection.stage}`}>
                            <span className="font-medium">{stageNames[objection.stage]}: {labels.objectionStatuses[objection.status]}</span>
                            <span className="text-xs text-slate-600"> · {formatDateTime(objection.updatedAt, "id", results.timeZone)}</span>
                            <p className="whitespace-pre-line text-slate-700">{objection.reason}</p>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {canRecord && (
                    <td className="p-2">
                      <ObjectionForms item={item} periodId={results.period.id} isOpen={isOpen} labels={labels} m={m} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function StageRecordForm({ results, stage, stageNames, labels, m }: { results: ExternalResults; stage: ExternalStage; stageNames: Record<string, string>; labels: Labels; m: Messages }) {
  const path = `/periode/${results.period.id}/eksternal`;
  return (
    <section id="catat" className="space-y-3" aria-labelledby="catat-judul">
      <h2 id="catat-judul" className="text-lg font-semibold">{labels.recordTitle}</h2>
      <p className="text-sm text-slate-700">{labels.recordIntro}</p>
      <nav aria-label={labels.stage} className="flex flex-wrap gap-2">
        {EXTERNAL_STAGES.map((candidate) => (
          <Link
            key={candidate}
            href={`${path}?tahap=${candidate}#catat`}
            aria-current={candidate === stage ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${candidate === stage ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {stageNames[candidate]}
          </Link>
        ))}
      </nav>
      {/* Keyed by the stage: another stage starts from what is stored for it. */}
      <ActionForm key={stage} id="catat-tahap" action={recordExternalStage} schema="externalStageRecord" resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="space-y-3">
        <input type="hidden" name="periodId" value={results.period.id} />
        <input type="hidden" name="stage" value={stage} />
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="p-2">{labels.number}</th>
                <th scope="col" className="p-2">{labels.indicator}</th>
                <th scope="col" className="p-2 text-center">{labels.selfLevel}</th>
                <th scope="col" className="w-48 p-2">{labels.level} ({stageNames[stage]})</th>
                <th scope="col" className="w-1/3 p-2">{labels.notes}</th>
              </tr>
            </thead>
            {results.groups.map((group) => (
              <tbody key={group.code}>
                <tr className="border-t border-slate-200 bg-brand-50">
                  <th scope="colgroup" colSpan={5} className="p-2 text-left font-semibold text-brand-900">{group.name}</th>
                </tr>
                {group.indicators.map((indicator) => {
                  const cell = indicator.cells[stage];
                  const level = cell?.level ? displayLevel(cell.level) : "";
                  return (
                    <tr key={indicator.number} className="border-t border-slate-100" data-testid={`catat-${indicator.number}`}>
                      <td className="p-2 align-top tabular-nums">{indicator.number}</td>
                      <td className="p-2 align-top">{indicator.name}</td>
                      <td className="p-2 text-center align-top tabular-nums">{indicator.cells.SELF?.level ? displayLevel(indicator.cells.SELF.level) : "–"}</td>
                      <StageEntryCells
                        number={indicator.number}
                        scale={results.scale}
                        options={indicator.levelOptions}
                        levelTexts={{ ...m.levels, none: labels.levelNone }}
                        level={level}
                        notes={cell?.notes ?? ""}
                        version={cell?.version ?? 0}
                        labels={{ level: fill(labels.levelLabel, { number: indicator.number }), notes: fill(labels.notesLabel, { number: indicator.number }) }}
                      />
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
        <SubmitButton pendingLabel={m.forms.saving}>{fill(labels.save, { stage: stageNames[stage]! })}</SubmitButton>
      </ActionForm>
    </section>
  );
}

export default async function ExternalResultsPage({ params, searchParams }: Props) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}/eksternal`);
  const period = await orNotFound(loadPeriodFor(db, actor, "answer.read-all", periodId));
  const { instansiId } = period;
  const results = await loadExternalResults(db, period);
  if (!results) notFound();
  const { m } = await getMessages();
  const labels = m.external;
  const stageNames = m.answers.stages;
  const phase = results.period.phase as Phase;
  const isKoordinator = can(actor, "external-result.record", { instansiId });
  const canRecord = isKoordinator && phaseAllows(phase, "external.record");
  const requested = (await searchParams).tahap;
  const stage = EXTERNAL_STAGES.find((candidate) => candidate === requested) ?? "DOCUMENT";

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href={`/periode/${periodId}`} className="text-sm text-brand-700 underline">← {labels.back}</Link>
        <h1 className="text-2xl font-bold text-brand-900">{labels.title}</h1>
        <p className="text-sm text-slate-700">{fill(labels.periodTitle, { year: results.period.year, framework: results.frameworkName, phase: m.periods.phases[phase] ?? phase })}</p>
        <p className="text-sm text-slate-700">{labels.intro}</p>
      </div>
      <FrameworkStatus framework={results.framework} labels={m.criteria} showRules />
      {!isKoordinator && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="eksternal-baca-saja">{labels.readOnly}</p>
      )}
      {isKoordinator && !canRecord && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{fill(labels.recordClosed, { phase: m.periods.phases[phase] ?? phase })}</p>
      )}
      <ComparisonTable results={results} stageNames={stageNames} labels={labels} />
      <StageIndices results={results} stageNames={stageNames} labels={labels} />
      <ObjectionList results={results} canRecord={canRecord} stageNames={stageNames} labels={labels} m={m} />
      {canRecord && <StageRecordForm results={results} stage={stage} stageNames={stageNames} labels={labels} m={m} />}
    </div>
  );
}
