// The Koordinator's offer to move a period in Persiapan or Pengisian to a newer version of
// its framework: what the new version changes, what stays with its indicator, what is let
// go, and the refusal when the move cannot happen; the command checks all of it again.
import type { VersionMovePlan } from "@/lib/assessment/version-move";
import type { Message } from "@/lib/i18n/message";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { render } from "@/lib/i18n/render";
import { fill } from "@/lib/i18n/format";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/forms/fields";
import { FrameworkDiffLists } from "@/components/framework/framework-diff";

type Action = Parameters<typeof ActionForm>[0]["action"];

export function VersionMoveOffer({
  plan,
  refusal,
  action,
  locale,
  m,
}: {
  plan: VersionMovePlan;
  refusal: Message | null;
  action: Action;
  locale: Locale;
  m: Messages;
}) {
  const labels = m.versionMove;
  const versions = { current: plan.from.version, version: plan.to.version };
  const kept = plan.kept;
  const anyKept = Object.values(kept).some((count) => count > 0);
  return (
    <section className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="pindah-versi">
      <h3 className="font-semibold">{fill(labels.title, { framework: plan.to.name, version: plan.to.version })}</h3>
      <p className="text-slate-700">{fill(labels.intro, versions)}</p>
      <details open>
        <summary className="cursor-pointer font-medium">{fill(labels.changes, versions)}</summary>
        <div className="mt-2">
          <FrameworkDiffLists diff={plan.diff} labels={m.admin.frameworks} />
        </div>
      </details>
      <p data-testid="pindah-versi-tetap">
        {anyKept
          ? fill(labels.kept, { answers: kept.Answer, assignments: kept.Assignment, comments: kept.Comment, recommendations: kept.Recommendation, candidates: kept.EvidenceCandidate })
          : labels.noneKept}
      </p>
      {plan.dropped.length > 0 && (
        <div data-testid="pindah-versi-dilepas">
          <p>{fill(labels.dropped, { version: plan.to.version })}</p>
          <ul className="list-disc pl-5">
            {plan.dropped.map((item) => <li key={item.code}>{fill(labels.droppedItem, item)}</li>)}
          </ul>
        </div>
      )}
      {refusal ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900" data-testid="pindah-versi-ditolak">
          <p className="font-medium">{labels.refusedTitle}</p>
          <p>{render(refusal, locale)}</p>
        </div>
      ) : (
        <ActionForm
          id="pindah-versi-kerangka"
          action={action}
          schema="periodVersionMove"
          confirm={fill(labels.confirm, { year: plan.period.year, framework: plan.to.name, version: plan.to.version })}
          fixErrorsMessage={m.forms.fixErrors}
          className="space-y-2"
        >
          <input type="hidden" name="periodId" value={plan.period.id} />
          <input type="hidden" name="version" value={plan.period.version} />
          <input type="hidden" name="frameworkVersionId" value={plan.to.id} />
          <TextAreaField name="reason" label={labels.reason} hint={labels.reasonHint} rows={2} />
          <SubmitButton pendingLabel={m.forms.saving} variant="secondary">{fill(labels.submit, { version: plan.to.version })}</SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
