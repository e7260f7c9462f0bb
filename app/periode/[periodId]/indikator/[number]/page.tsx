import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireActor } from "@/lib/auth/current";
import { loadIndicatorView } from "@/lib/assessment/indicator-view";
import { displayLevel, levelOptions, levelScaleOf } from "@/lib/assessment/level-rule";
import { fill, formatDate, formatDateTime } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/locale";
import { AnswerEditor } from "@/components/assessment/answer-editor";
import { PreviousContext } from "@/components/assessment/previous-context";
import { CriteriaList, IndicatorDescription } from "@/components/framework/criteria-list";
import { FrameworkStatus } from "@/components/framework/framework-status";
import { levelCriteria, needsWordingMark } from "@/lib/framework/catalog";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { IndicatorRecommendations } from "@/components/recommendations/indicator-recommendations";
import { CheckboxGroup, LevelField, SelectField, TextAreaField } from "@/components/forms/fields";
import { ButirChecklist, ButirRevisions, ButirStatusFields } from "@/components/assessment/butir-checklist";
import { valueAboveBoard } from "@/lib/assessment/butir-board";
import { addComment, addLinkEvidence, attachButirEvidence, detachButirEvidence, recordButirStage, returnVerifiedAnswer, saveAnswer, saveExternalIndexValue, submitAnswer, verifyAnswer, withdrawAnswer } from "./actions";
import { ExternalIndexPanel } from "@/components/assessment/external-index-panel";
import { PrecheckList } from "@/components/evidence/precheck-list";
import { maxAgeMonthsOf, precheckWarnings } from "@/lib/evidence/precheck/warnings";
import { todayIn } from "@/lib/i18n/time-zone";
import { pageTitle } from "@/lib/http/page-title";

export const generateMetadata = pageTitle("indicator");

type Params = { periodId: string; number: string };

export default async function IndicatorPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<{ riwayat?: string }> }) {
  const { periodId, number } = await params;
  const historyPage = Number((await searchParams).riwayat ?? "1");
  const actor = await requireActor(`/periode/${periodId}/indikator/${number}`);
  if (!/^\d{1,3}$/.test(number)) notFound();
  const view = await loadIndicatorView(db, actor, periodId, Number(number), { historyPage: Number.isSafeInteger(historyPage) ? historyPage : 1 });
  if (!view) notFound();
  const { m, locale } = await getMessages();
  const labels = m.answers;
  const { indicator, self, verification, definition } = view;
  const criteria = levelCriteria(definition, indicator);
  const levels = criteria.map((criterion) => ({
    value: String(criterion.level),
    name: criterion.name,
    criteria: criterion.text,
    mark: needsWordingMark(criterion.standing) ? m.criteria.standing[criterion.standing] : null,
  }));
  // Frameworks with their own per-level details replace the generic guidance on evidence.
  const hasLevelDetails = indicator.levels !== undefined;
  const status = self?.status ?? "NONE";
  const base = `/periode/${periodId}/indikator`;
  const levelScale = levelScaleOf(definition);
  const levelChoices = levelOptions(definition, indicator);
  const evidenceLinks = self?.evidence.map((link) => link.evidence) ?? [];
  const board = view.butir;
  const stageLabels = labels.stages;
  const savedLevel = self?.level?.toString() ?? null;
  const valueAbove =
    board && valueAboveBoard(savedLevel, board, levelScale.min)
      ? { value: displayLevel(savedLevel), level: board.highestCompleteLevel === null ? m.butir.highestNone : String(board.highestCompleteLevel) }
      : null;
  const butirChoices = [...new Map([...view.library, ...evidenceLinks].map((item) => [item.id, { id: item.id, title: item.title }])).values()];
  // Pre-checks of the evidence attached, in this period's context (its deadline, the indicator's age limit).
  const deadline = view.period.submitDeadline ?? view.period.fillDeadline;
  const precheckUse = { deadline, reference: deadline ?? todayIn(actor.active.timeZone), maxAgeMonths: maxAgeMonthsOf(indicator), sameContentButir: [] };
  const evidencePrechecks = evidenceLinks.map((evidence) => ({
    evidenceId: evidence.id,
    title: evidence.title,
    warnings: precheckWarnings({ ...evidence, mimeType: evidence.blob?.mimeType ?? null }, precheckUse),
  }));

  return (
    <article className="space-y-6">
      <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={labels.navigation}>
        <Link href={base} className="text-brand-700 underline">← {labels.backToList}</Link>
        <span className="flex gap-3">
          {view.previousNumber && <Link href={`${base}/${view.previousNumber}`} className="underline">{labels.previous}</Link>}
          {view.nextNumber && <Link href={`${base}/${view.nextNumber}`} className="underline">{labels.next}</Link>}
        </span>
      </nav>

      <header className="space-y-1">
        <p className="text-sm text-slate-600">{view.ancestors.map((node) => `${node.code} ${node.name}`).join(" › ")}</p>
        <h1 className="text-2xl font-bold text-brand-900">
          {fill(labels.indicator, { number: indicator.number })}: {indicator.name}
        </h1>
        <p className="flex flex-wrap gap-x-4 text-sm text-slate-700">
          <span data-testid="status-jawaban">{labels.statuses[status]}</span>
          <span>{labels.weight} {indicator.weight.replace(".", ",")}</span>
          <span>{labels.owners}: {view.owners.join(", ") || "-"}</span>
          {view.period.fillDeadline && <span>{labels.deadline}: {formatDate(view.period.fillDeadline, locale, actor.active.timeZone)}</span>}
        </p>
      </header>

      {indicator.question && (
        <section>
          <h2 className="font-semibold">{labels.question}</h2>
          <p>{indicator.question}</p>
        </section>
      )}

      <FrameworkStatus framework={definition} labels={m.criteria} showRules />

      <IndicatorDescription indicator={indicator} labels={m.criteria} />

      {hasLevelDetails ? (
        <CriteriaList criteria={criteria} indicator={indicator} labels={m.criteria} levelLabel={labels.level} />
      ) : (
        <section className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <h2 className="font-semibold">{labels.expectedEvidence}</h2>
          <ul className="mt-1 list-disc pl-5 text-slate-700">
            {(labels.expected[indicator.levelScale] ?? labels.expected.process!).map((line) => <li key={line}>{line}</li>)}
          </ul>
        </section>
      )}

      {board && (
        <ButirChecklist
          board={board}
          definition={definition}
          labels={m.butir}
          stageLabels={stageLabels}
          valueAbove={valueAbove}
          owner={
            view.may.fill
              ? { periodId, indicatorId: view.indicatorId, choices: butirChoices, attach: attachButirEvidence, detach: detachButirEvidence, fixErrorsMessage: m.forms.fixErrors, savingLabel: m.forms.saving }
              : null
          }
        />
      )}

      {view.externalIndex && (
        <ExternalIndexPanel
          periodId={periodId}
          indicatorId={view.indicatorId}
          standing={view.externalIndex.standing}
          effect={view.externalIndex.effect}
          row={view.externalIndex.row}
          sources={view.indexSources}
          mayEnter={view.may.enterIndex}
          action={saveExternalIndexValue}
          labels={m.externalIndex}
          fixErrorsMessage={m.forms.fixErrors}
          savingLabel={m.forms.saving}
        />
      )}

      <PreviousContext context={view.previous} labels={labels} />

      <IndicatorRecommendations recommendations={view.recommendations} labels={m.recommendations} locale={locale} timeZone={actor.active.timeZone} />

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{labels.yourAnswer}</h2>
        {view.may.fill && board && <ButirRevisions board={board} definition={definition} labels={m.butir} stageLabels={stageLabels} />}
        {view.may.fill ? (
          <AnswerEditor
            // A butir link changes the answer's evidence and version on the server: the form starts from the new one.
            key={self?.version ?? 0}
            periodId={periodId}
            indicatorId={view.indicatorId}
            storageKey={`spbe:jawaban:${periodId}:${view.indicatorId}:${actor.userId}`}
            version={self?.version ?? 0}
            status={self?.status ?? null}
            initial={{
              level: self?.level ? displayLevel(self.level) : "",
              explanation: self?.explanation ?? "",
              waiver: self?.evidenceWaiverReason ?? "",
              evidenceIds: evidenceLinks.map((evidence) => evidence.id),
            }}
            levels={levels}
            levelTexts={m.levels}
            library={view.library}
            candidates={view.evidenceCandidates}
            preview={view.preview}
            uploader={{ labels: m.evidence.uploader, documentTypes: m.evidence.documentTypes, maxBytes: env.UPLOAD_MAX_BYTES, locale }}
            labels={labels}
            save={saveAnswer}
            submit={submitAnswer}
            addLink={addLinkEvidence}
          />
        ) : (
          <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
            <p className="text-sm text-slate-600">
              {status === "SUBMITTED" ? labels.lockedNotice : status === "VERIFIED" ? labels.verifiedNotice : labels.readOnly}
            </p>
            <p>
              {labels.level}: <strong data-testid="tingkat-mandiri">{displayLevel(self?.level)}</strong>
              {self?.level && levels.find((level) => Number(level.value) === Number(self.level)) && ` · ${levels.find((level) => Number(level.value) === Number(self.level))!.name}`}
            </p>
            <p className="whitespace-pre-wrap text-sm">{self?.explanation || "-"}</p>
            <h3 className="font-medium">{labels.evidence}</h3>
            {evidenceLinks.length === 0 ? (
              <p className="text-sm text-slate-600">{self?.evidenceWaiverReason ? `${labels.waiver}: ${self.evidenceWaiverReason}` : labels.evidenceNone}</p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {evidenceLinks.map((evidence) => (
                  <li key={evidence.id}>
                    <a href={evidence.kind === "FILE" ? `/bukti/${evidence.id}/unduh?pratinjau=1` : evidence.url!} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">{evidence.title}</a>
                  </li>
                ))}
              </ul>
            )}
            {view.may.withdraw && self && (
              <ActionForm id="tarik-pengajuan" action={withdrawAnswer} fixErrorsMessage={m.forms.fixErrors} className="space-y-1 border-t border-slate-200 pt-2">
                <input type="hidden" name="periodId" value={periodId} />
                <input type="hidden" name="indicatorId" value={view.indicatorId} />
                <input type="hidden" name="version" value={self.version} />
                <p className="text-sm text-slate-600">{m.corrections.withdrawHint}</p>
                <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{m.corrections.withdraw}</SubmitButton>
              </ActionForm>
            )}
          </div>
        )}
      </section>

      {view.may.returnVerified && self && (
        <section className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
          <h2 className="text-lg font-semibold">{m.corrections.returnTitle}</h2>
          <p className="text-sm text-slate-700">{m.corrections.returnHint}</p>
          <ActionForm id="kembalikan-koreksi" action={returnVerifiedAnswer} schema="answerReturn" fixErrorsMessage={m.forms.fixErrors} className="space-y-2">
            <input type="hidden" name="periodId" value={periodId} />
            <input type="hidden" name="answerId" value={self.id} />
            <input type="hidden" name="version" value={self.version} />
            <TextAreaField name="notes" label={m.corrections.returnNotes} />
            <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{m.corrections.returnSubmit}</SubmitButton>
          </ActionForm>
        </section>
      )}

      {evidencePrechecks.length > 0 && (
        <section className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid="pra-periksa-bukti">
          <h2 className="text-lg font-semibold">{m.precheck.title}</h2>
          <p className="text-sm text-slate-600">{m.precheck.intro}</p>
          <ul className="space-y-2">
            {evidencePrechecks.map((item) => (
              <li key={item.evidenceId} data-testid={`pra-periksa-${item.evidenceId}`}>
                <p className="text-sm font-medium">{item.title}</p>
                {item.warnings.length > 0 ? <PrecheckList warnings={item.warnings} m={m} /> : <p className="text-sm text-slate-600">{m.precheck.none}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.may.verify && self && (
        <section className="space-y-2 rounded-md border border-brand-200 bg-brand-50 p-3">
          <h2 className="text-lg font-semibold">{labels.verification}</h2>
          <ActionForm id="verifikasi" action={verifyAnswer} schema="answerVerify" fixErrorsMessage={m.forms.fixErrors} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="periodId" value={periodId} />
            <input type="hidden" name="answerId" value={self.id} />
            <input type="hidden" name="version" value={self.version} />
            <LevelField
              name="verifiedLevel"
              label={labels.verifiedLevel}
              scale={levelScale}
              options={levelChoices}
              texts={m.levels}
              hint={levelScale.integer ? undefined : fill(m.levels.decimalHint, { min: displayLevel(levelScale.min), max: displayLevel(levelScale.max) })}
              defaultValue={self.level ? displayLevel(self.level) : ""}
            />
            <SelectField
              name="decision"
              label={labels.decision}
              options={[
                { value: "VERIFIED", label: labels.decisionVerified },
                { value: "NEEDS_REVISION", label: labels.decisionRevision },
              ]}
            />
            <TextAreaField name="notes" label={labels.notes} className="sm:col-span-2" />
            {board && <ButirStatusFields board={board} definition={definition} labels={m.butir} stage="INTERNAL_VERIFICATION" />}
            <div className="sm:col-span-2">
              <SubmitButton pendingLabel={m.forms.saving}>{labels.verifySubmit}</SubmitButton>
            </div>
          </ActionForm>
        </section>
      )}

      {view.may.recordButirStage && board && (
        <section className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
          <h2 className="text-lg font-semibold">{m.butir.stageTitle}</h2>
          <p className="text-sm text-slate-700">{m.butir.stageIntro}</p>
          <ActionForm id="status-butir-eksternal" action={recordButirStage} schema="butirStage" fixErrorsMessage={m.forms.fixErrors} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="periodId" value={periodId} />
            <input type="hidden" name="indicatorId" value={view.indicatorId} />
            <SelectField
              name="stage"
              label={m.butir.stage}
              options={(["DOCUMENT", "INTERVIEW", "VISITATION", "FINAL"] as const).map((stage) => ({ value: stage, label: stageLabels[stage] ?? stage }))}
            />
            <ButirStatusFields board={board} definition={definition} labels={m.butir} stage="DOCUMENT" />
            <div className="sm:col-span-2">
              <SubmitButton pendingLabel={m.forms.saving}>{m.butir.stageSave}</SubmitButton>
            </div>
          </ActionForm>
        </section>
      )}

      <section className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">{labels.rounds}</h2>
          {self && self.reviews.length > 0 ? (
            <ol className="space-y-2" data-testid="putaran-verifikasi">
              {self.reviews.map((review) => (
                <li key={review.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
                  <p className="font-medium">
                    {fill(labels.round, { round: review.round })} · {review.decision === "VERIFIED" ? labels.decisionVerified : labels.decisionRevision}
                    {review.verifiedLevel && ` · ${labels.level} ${displayLevel(review.verifiedLevel)}`}
                  </p>
                  <p className="text-xs text-slate-600">{fill(labels.by, { name: view.people.get(review.reviewerId) ?? "-" })} · {formatDateTime(review.createdAt, locale, actor.active.timeZone)}</p>
                  {review.notes && <p className="whitespace-pre-wrap">{review.notes}</p>}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-600">{labels.roundsNone}</p>
          )}
          {verification && (
            <p className="text-sm">
              {labels.verifiedLevel}: <strong data-testid="tingkat-terverifikasi">{displayLevel(verification.level)}</strong>
            </p>
          )}
        </div>
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">{labels.levelChanges}</h2>
          {view.levelHistory.changes.length > 0 ? (
            <>
              <ul className="space-y-1 text-sm">
                {view.levelHistory.changes.map((change) => (
                  <li key={change.id}>
                    {fill(labels.levelChange, { stage: labels.stages[change.stage]!, from: displayLevel(change.fromLevel), to: displayLevel(change.toLevel) })}
                    <span className="text-slate-600">
                      {" "}· {fill(labels.by, { name: (change.actorId && view.people.get(change.actorId)) || "-" })} · {formatDateTime(change.createdAt, locale, actor.active.timeZone)}
                      {change.reason && ` · ${change.reason}`}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="flex gap-4 text-sm">
                {view.levelHistory.page > 1 && (
                  <Link href={`${base}/${indicator.number}?riwayat=${view.levelHistory.page - 1}`} className="underline">← {labels.levelChangesNewer}</Link>
                )}
                {view.levelHistory.hasOlder && (
                  <Link href={`${base}/${indicator.number}?riwayat=${view.levelHistory.page + 1}`} className="underline" data-testid="riwayat-lebih-lama">{labels.levelChangesOlder} →</Link>
                )}
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-600">{labels.levelChangesNone}</p>
          )}
        </div>
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{labels.comments}</h2>
        {view.comments.length === 0 ? (
          <p className="text-sm text-slate-600">{labels.commentsNone}</p>
        ) : (
          <ol className="space-y-2" data-testid="diskusi">
            {view.comments.map((comment) => (
              <li key={comment.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
                <p className="text-xs text-slate-600">
                  <strong className="text-slate-900">{comment.author.name}</strong> · {formatDateTime(comment.createdAt, locale, actor.active.timeZone)}
                  {comment.mentions.length > 0 && ` · ${labels.mentioned} ${comment.mentions.map((mention) => `@${mention.user.name}`).join(", ")}`}
                </p>
                <p className="whitespace-pre-wrap">{comment.body}</p>
              </li>
            ))}
          </ol>
        )}
        {view.may.comment && (
          <ActionForm id="komentar" action={addComment} schema="commentCreate" fixErrorsMessage={m.forms.fixErrors} className="space-y-2">
            <input type="hidden" name="periodId" value={periodId} />
            <input type="hidden" name="indicatorId" value={view.indicatorId} />
            <TextAreaField name="body" label={labels.commentBody} rows={3} />
            <details>
              <summary className="cursor-pointer text-sm">{labels.mention}</summary>
              <CheckboxGroup
                name="mentions"
                label={labels.mention}
                options={view.members.filter((member) => member.id !== actor.userId).map((member) => ({ value: member.id, label: member.name }))}
              />
            </details>
            <SubmitButton pendingLabel={m.forms.saving}>{labels.commentSubmit}</SubmitButton>
          </ActionForm>
        )}
      </section>
    </article>
  );
}
