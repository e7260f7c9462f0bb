// The recommendation forms: the Koordinator's create and edit forms, and the status form
// the owner unit's Admin OPD uses. Server components around the client ActionForm.
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { LevelField, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { displayLevel, levelScaleOf, type LevelTexts } from "@/lib/assessment/level-rule";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import type { Messages } from "@/lib/i18n/messages";
import type { FormState } from "@/lib/validation/form-state";
import { RECOMMENDATION_SOURCES, RECOMMENDATION_STATUSES } from "@/lib/validation/recommendations";

type Labels = Messages["recommendations"];
type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Common = { labels: Labels; levelTexts: LevelTexts; fixErrors: string; saving: string };

export type RecommendationValues = {
  id: string;
  version: number;
  number: number;
  source: string;
  text: string;
  status: string;
  ownerUnitId: string | null;
  dueDate: Date | null;
  targetLevel: string | null;
};

const dateValue = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

const statusOptions = (labels: Labels) => RECOMMENDATION_STATUSES.map((status) => ({ value: status, label: labels.statuses[status]! }));
const sourceOptions = (labels: Labels) => RECOMMENDATION_SOURCES.map((source) => ({ value: source, label: labels.sources[source]! }));

function TargetLevelField({ definition, labels, levelTexts, defaultValue }: { definition: FrameworkDefinition; labels: Labels; levelTexts: LevelTexts; defaultValue?: string | null }) {
  const scale = levelScaleOf(definition);
  // A recommendation's target is a level of the whole scale, not of one indicator's named levels.
  const wholeLevels = Array.from({ length: Number(scale.max) - Number(scale.min) + 1 }, (_, i) => String(Number(scale.min) + i));
  return (
    <LevelField
      name="targetLevel"
      label={labels.targetLevel}
      hint={scale.integer ? undefined : labels.levelHint}
      scale={scale}
      options={wholeLevels.map((level) => ({ value: level, label: level }))}
      texts={{ ...levelTexts, none: labels.targetNone }}
      defaultValue={defaultValue ? displayLevel(defaultValue) : ""}
    />
  );
}

type Unit = { id: string; name: string; isActive: boolean };

const unitOptions = (units: Unit[], keep: string | null) => units.filter((unit) => unit.isActive || unit.id === keep).map((unit) => ({ value: unit.id, label: unit.name }));

export function CreateRecommendationForm({ action, periodId, definition, indicators, units, labels, levelTexts, fixErrors, saving }: Common & { action: Action; periodId: string; definition: FrameworkDefinition; indicators: { number: number; name: string }[]; units: Unit[] }) {
  return (
    <ActionForm id="rekomendasi-baru" action={action} schema="recommendationCreate" fixErrorsMessage={fixErrors} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="periodId" value={periodId} />
      <SelectField name="indicator" label={labels.indicator} options={indicators.map((indicator) => ({ value: String(indicator.number), label: `${indicator.number}. ${indicator.name}` }))} />
      <SelectField name="source" label={labels.source} defaultValue="EXTERNAL" options={sourceOptions(labels)} />
      <TextAreaField name="text" label={labels.text} rows={3} className="sm:col-span-2" />
      <SelectField name="ownerUnitId" label={labels.owner} options={[{ value: "", label: labels.ownerDefault }, ...unitOptions(units, null)]} />
      <TextField type="date" name="dueDate" label={labels.dueDate} />
      <TargetLevelField definition={definition} labels={labels} levelTexts={levelTexts} />
      <SelectField name="status" label={labels.status} defaultValue="OPEN" options={statusOptions(labels)} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={saving}>{labels.createSubmit}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EditRecommendationForm({ action, item, definition, units, labels, levelTexts, fixErrors, saving }: Common & { action: Action; item: RecommendationValues; definition: FrameworkDefinition; units: Unit[] }) {
  return (
    <ActionForm id={`ubah-${item.id}`} action={action} schema="recommendationUpdate" resetOnSuccess={false} fixErrorsMessage={fixErrors} className="mt-2 grid w-96 gap-2">
      <input type="hidden" name="recommendationId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <TextAreaField name="text" label={labels.text} rows={3} defaultValue={item.text} />
      <SelectField name="source" label={labels.source} defaultValue={item.source} options={sourceOptions(labels)} />
      <SelectField name="ownerUnitId" label={labels.owner} defaultValue={item.ownerUnitId ?? ""} options={[{ value: "", label: labels.ownerNone }, ...unitOptions(units, item.ownerUnitId)]} />
      <TextField type="date" name="dueDate" label={labels.dueDate} defaultValue={dateValue(item.dueDate)} />
      <TargetLevelField definition={definition} labels={labels} levelTexts={levelTexts} defaultValue={item.targetLevel} />
      <SelectField name="status" label={labels.status} defaultValue={item.status} options={statusOptions(labels)} />
      <SubmitButton pendingLabel={saving}>{labels.editSubmit}</SubmitButton>
    </ActionForm>
  );
}

export function StatusForm({ action, item, labels, fixErrors, saving }: Common & { action: Action; item: RecommendationValues }) {
  return (
    <ActionForm id={`status-${item.id}`} action={action} schema="recommendationStatus" resetOnSuccess={false} fixErrorsMessage={fixErrors} className="flex w-64 flex-col gap-2">
      <input type="hidden" name="recommendationId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <SelectField name="status" label={`${labels.status} (${labels.indicator} ${item.number})`} defaultValue={item.status} options={statusOptions(labels)} />
      <SubmitButton pendingLabel={saving} variant="secondary">{labels.statusSubmit}</SubmitButton>
    </ActionForm>
  );
}
