import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/auth/current";
import { orNotFound } from "@/lib/auth/page-guard";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { periodResults, type ProgressCounts } from "@/lib/assessment/period-results";
import { displayLevel } from "@/lib/assessment/level-rule";
import { externalIndexSummary } from "@/components/assessment/external-index-panel";
import { nextPhase, phaseAllows } from "@/lib/assessment/phase";
import { can } from "@/lib/policy";
import { fill, formatDateTime } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { formatIndex } from "@/lib/scoring";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { Deadline, IndexSummary, PeriodSettingsFields, PhaseStepper } from "@/components/periods/period-parts";
import { baselineStageOf, carryOverOffer } from "@/lib/assessment/previous-period";
import { advancePeriodPhase, carryOverPeriod, movePeriodVersion, reopenPeriod, updatePeriod } from "../actions";
import { versionMoveOffer } from "@/lib/assessment/version-move";
import { VersionMoveOffer } from "@/components/periods/version-move";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("period");
export const dynamic = "force-dynamic";

const STAGE_TEST_IDS: Record<string, string> = {
  SELF: "indeks-mandiri",
  INTERNAL_VERIFICATION: "indeks-terverifikasi",
  DOCUMENT: "indeks-dokumen",
  INTERVIEW: "indeks-interviu",
  VISITATION: "indeks-visitasi",
  FINAL: "indeks-akhir",
};

const COUNT_COLUMNS = ["assigned", "answered", "needsConfirmation", "submitted", "verified"] as const satisfies readonly (keyof ProgressCounts)[];

export default async function PeriodPage({ params }: { params: Promise<{ periodId: string }> }) {
  const { periodId } = await params;
  const actor = await requireActor(`/periode/${periodId}`);
  const period = await orNotFound(loadPeriodFor(db, actor, "results.read", periodId));
  const results = await periodResults(db, period);
  if (!results) notFound();
  const { locale, m } = await getMessages();
  const labels = m.periods;
  const view = labels.overview;
  const scope = { instansiId: period.instansiId };
  const canManage = can(actor, "period.manage", scope);
  const [baseline, baselineStage, locker, carryOver, versionMove] = await Promise.all([
    period.baselinePeriodId ? db.assessmentPeriod.findFirst({ where: { id: period.baselinePeriodId, instansiId: period.instansiId }, select: { year: true } }) : null,
    baselineStageOf(db, period),
    period.lockedById ? db.user.findUnique({ where: { id: period.lockedById }, select: { name: true } }) : null,
    canManage && phaseAllows(period.phase, "assignment.edit") ? carryOverOffer(db, period) : null,
    can(actor, "period.change-version", scope) ? versionMoveOffer(db, period) : null,
  ]);
  const next = nextPhase(period.phase);
  const title = fill(labels.periodTitle, { year: period.year });
  const base = `/periode/${period.id}`;
  const links = [
    { href: `${base}/indikator`, label: view.links.indicators, show: true },
    { href: `${base}/penugasan`, label: view.links.assignments, show: can(actor, "assignment.manage", scope) },
    { href: `${base}/tenggat`, label: m.unitDeadlines.link, show: can(actor, "unit-deadline.manage", scope) },
    { href: `${base}/verifikasi`, label: view.links.verification, show: can(actor, "answer.verify", scope) || can(actor, "answer.read-all", scope) },
    { href: `${base}/eksternal`, label: view.links.external, show: can(actor, "external-result.record", scope) || can(actor, "answer.read-all", scope) },
    { href: `${base}/simulasi`, label: view.links.simulation, show: can(actor, "simulation.run", scope) },
    { href: `${base}/rekomendasi`, label: view.links.recommendations, show: can(actor, "recommendation.read", { ...scope, unitId: actor.active.unitId }) },
  ].filter((link) => link.show);
  const ownUnitScope = { ...scope, unitId: actor.active.unitId };
  const readsAll = can(actor, "answer.read-all", scope);
  const reportLinks = [
    { href: `${base}/laporan.pdf`, label: m.reports.links.pdf, show: readsAll, download: true },
    { href: `${base}/ekspor.xlsx`, label: m.reports.links.excel, show: readsAll || (!!actor.active.unitId && can(actor, "answer.read", ownUnitScope)), download: true },
    { href: `${base}/hasil.csv`, label: m.reports.links.csv, show: readsAll, download: true },
    { href: `${base}/hasil.json`, label: m.reports.links.json, show: readsAll, download: true },
    { href: `${base}/impor`, label: m.reports.links.import, show: can(actor, "answer.import", ownUnitScope), download: false },
  ].filter((link) => link.show);
  const confirmAdvance =
    next === "FINAL"
      ? fill(view.confirmLock, { year: period.year })
      : period.phase === "PENGISIAN" && results.open > 0
        ? fill(view.confirmOpenItems, { year: period.year, open: results.open })
        : fill(view.confirmAdvance, { year: period.year, phase: next ? labels.phases[next]! : "" });

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/periode" className="text-sm text-brand-700 underline">{view.back}</Link>
        <h1 className="text-2xl font-bold text-brand-900">{title} · {results.frameworkName}</h1>
        <PhaseStepper phase={period.phase} labels={labels} />
        {baseline && (
          <p className="text-sm text-slate-700" data-testid="dasar-periode">
            {baselineStage && baselineStage !== "FINAL"
              ? fill(view.baselineFromStage, { year: baseline.year, phase: labels.phases[baselineStage]! })
              : fill(view.baselineFrom, { year: baseline.year })}
          </p>
        )}
        {period.phase === "FINAL" && period.lockedAt && (
          <p className="text-sm text-slate-700" data-testid="periode-terkunci">{fill(view.lockedInfo, { at: formatDateTime(period.lockedAt, locale, actor.active.timeZone), name: locker?.name ?? labels.none })}</p>
        )}
      </div>

      <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 lg:grid-cols-5">
        <div>
          <dt className="text-slate-600">{labels.target}</dt>
          <dd className="font-semibold tabular-nums" data-testid="target-indeks">{period.targetIndex ? formatIndex(period.targetIndex.toString()) : labels.noTarget}</dd>
        </div>
        {(["fillDeadline", "verifyDeadline", "submitDeadline", "objectionDeadline"] as const).map((field) => (
          <div key={field}>
            <dt className="text-slate-600">{labels.form[field]}</dt>
            <dd className="font-semibold"><Deadline date={period[field]} locale={locale} timeZone={actor.active.timeZone} none={labels.none} /></dd>
          </div>
        ))}
      </dl>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{view.indices}</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {results.stages.map(({ stage, score }) => (
            <div key={stage} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="text-sm text-slate-600">{labels.stages[stage]}</div>
              <IndexSummary score={score} labels={labels} testId={STAGE_TEST_IDS[stage]!} />
            </div>
          ))}
        </div>
        {results.total.needsConfirmation > 0 && (
          <p className="text-sm text-amber-800">{fill(view.needsConfirmationNote, { count: results.total.needsConfirmation })}</p>
        )}
      </section>

      {results.externalIndices.length > 0 && (
        <section className="space-y-2" data-testid="ringkasan-indeks-eksternal">
          <h2 className="text-lg font-semibold">{m.externalIndex.overviewTitle}</h2>
          <p className="text-sm text-slate-700">{m.externalIndex.overviewIntro}</p>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="p-2">{m.externalIndex.indicator}</th>
                <th scope="col" className="p-2">{m.externalIndex.index}</th>
                <th scope="col" className="p-2 text-right">{m.externalIndex.result}</th>
              </tr>
            </thead>
            <tbody>
              {results.externalIndices.map((row) => (
                <tr key={row.number} className="border-b border-slate-100" data-testid={`indeks-eksternal-${row.number}`}>
                  <td className="p-2">
                    <Link href={`/periode/${period.id}/indikator/${row.number}`} className="text-brand-700 underline">{row.number}. {row.name}</Link>
                  </td>
                  <td className="p-2">
                    <span className={row.standing.state === "waiting" ? "text-amber-900" : undefined}>{externalIndexSummary(row.standing, m.externalIndex)}</span>
                    {row.standing.state === "entered" && row.standing.conversion.kind !== "outside_scale" && row.standing.conversion.provisional && (
                      <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{m.externalIndex.provisional}</span>
                    )}
                  </td>
                  <td className="p-2 text-right tabular-nums">{displayLevel(row.selfValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {links.length > 0 && (
        <nav aria-label={view.work} className="flex flex-wrap gap-3">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50">
              {link.label}
            </Link>
          ))}
        </nav>
      )}

      {reportLinks.length > 0 && (
        <nav aria-label={m.reports.links.title} className="flex flex-wrap items-center gap-3" data-testid="laporan-periode">
          <span className="text-sm font-semibold text-slate-700">{m.reports.links.title}:</span>
          {reportLinks.map((link) => (
            <a key={link.href} href={link.href} download={link.download || undefined} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50">
              {link.label}
            </a>
          ))}
        </nav>
      )}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{view.progressUnits}</h2>
        {results.units.length === 0 ? (
          <p className="text-sm">{view.noAssignments}</p>
        ) : (
          <ProgressTable
            testId="kemajuan-unit"
            firstColumn={view.unit}
            rows={results.units.map((unit) => ({ key: unit.unitId, label: unit.isActive ? unit.name : `${unit.name} (${m.admin.inactive})`, counts: unit }))}
            labels={view}
          />
        )}
      </section>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{fill(view.progressNodes, { kind: m.nodeKinds[results.topKind] ?? results.topKind })}</h2>
        <ProgressTable
          testId="kemajuan-domain"
          firstColumn={capitalize(m.nodeKinds[results.topKind] ?? results.topKind)}
          rows={results.nodes.map((node) => ({ key: node.code, label: `${node.code} ${node.name}`, counts: node, indicators: node.indicators }))}
          total={{ label: view.total, counts: results.total, indicators: results.total.indicators }}
          labels={view}
        />
      </section>

      {canManage && (
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="kendali-koordinator">
          <h2 className="text-lg font-semibold">{view.controls}</h2>
          {next && (
            <ActionForm id="maju-tahap" action={advancePeriodPhase} confirm={confirmAdvance} fixErrorsMessage={m.forms.fixErrors} className="space-y-2">
              <input type="hidden" name="periodId" value={period.id} />
              <input type="hidden" name="version" value={period.version} />
              <SubmitButton pendingLabel={m.forms.saving} variant={next === "FINAL" ? "danger" : "primary"}>
                {next === "FINAL" ? view.lock : fill(view.advanceTo, { phase: labels.phases[next]! })}
              </SubmitButton>
            </ActionForm>
          )}
          {phaseAllows(period.phase, "period.edit") && (
            <details>
              <summary className="cursor-pointer font-semibold">{view.edit}</summary>
              <ActionForm id="ubah-periode" action={updatePeriod} schema="periodUpdate" resetOnSuccess={false} fixErrorsMessage={m.forms.fixErrors} className="mt-3 grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="periodId" value={period.id} />
                <input type="hidden" name="version" value={period.version} />
                <PeriodSettingsFields
                  labels={labels}
                  defaults={{ ...period, targetIndex: period.targetIndex?.toString() ?? null }}
                />
                <div className="sm:col-span-2">
                  <SubmitButton pendingLabel={m.forms.saving}>{view.save}</SubmitButton>
                </div>
              </ActionForm>
            </details>
          )}
          {carryOver && (
            <ActionForm id="bawa-periode-lalu" action={carryOverPeriod} fixErrorsMessage={m.forms.fixErrors} className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3">
              <h3 className="font-semibold">{fill(labels.carryOverTitle, { year: carryOver.year, framework: carryOver.frameworkName })}</h3>
              <p className="text-sm text-slate-700">{labels.carryOverText}</p>
              <input type="hidden" name="periodId" value={period.id} />
              <input type="hidden" name="version" value={period.version} />
              <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{labels.carryOverSubmit}</SubmitButton>
            </ActionForm>
          )}
          {versionMove && <VersionMoveOffer plan={versionMove.plan} refusal={versionMove.refusal} action={movePeriodVersion} locale={locale} m={m} />}
          {period.phase === "FINAL" && (
            <ActionForm id="buka-kembali" action={reopenPeriod} schema="periodReopen" fixErrorsMessage={m.forms.fixErrors} className="space-y-2">
              <input type="hidden" name="periodId" value={period.id} />
              <input type="hidden" name="version" value={period.version} />
              <SelectField
                name="phase"
                label={m.corrections.reopenTo}
                options={(["VERIFIKASI", "PENGISIAN"] as const).map((phase) => ({ value: phase, label: labels.phases[phase]! }))}
              />
              <TextField name="reason" label={view.reason} />
              <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{view.reopen}</SubmitButton>
            </ActionForm>
          )}
        </section>
      )}
    </div>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Row = { key: string; label: string; counts: ProgressCounts; indicators?: number };

function ProgressTable({ rows, total, firstColumn, labels, testId }: { rows: Row[]; total?: Omit<Row, "key">; firstColumn: string; labels: { indicators: string } & Record<(typeof COUNT_COLUMNS)[number], string>; testId: string }) {
  const withIndicators = rows.some((row) => row.indicators !== undefined);
  const cells = (row: Omit<Row, "key">) => (
    <>
      {withIndicators && <td className="p-2 text-right tabular-nums">{row.indicators}</td>}
      {COUNT_COLUMNS.map((column) => (
        <td key={column} className="p-2 text-right tabular-nums" data-kolom={column}>{row.counts[column]}</td>
      ))}
    </>
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th className="p-2">{firstColumn}</th>
            {withIndicators && <th className="p-2 text-right">{labels.indicators}</th>}
            {COUNT_COLUMNS.map((column) => (
              <th key={column} className="p-2 text-right">{labels[column]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100">
              <td className="p-2">{row.label}</td>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold" data-testid={`${testId}-jumlah`}>
              <td className="p-2">{total.label}</td>
              {cells(total)}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
