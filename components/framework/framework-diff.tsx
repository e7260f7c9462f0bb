// What one framework version changes against another, every difference listed: the
// superadmin's import preview and the Koordinator's version move show the same lists.
import type { FrameworkDiff } from "@/lib/framework/diff";
import type { Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/format";

type Labels = Messages["admin"]["frameworks"];

function ChangeList({ title, items, none }: { title: string; items: string[]; none: string }) {
  return (
    <div>
      <h4 className="font-medium">{title}</h4>
      {items.length === 0 ? <p className="text-slate-600">{none}</p> : <ul className="list-disc pl-5">{items.map((item) => <li key={item}>{item}</li>)}</ul>}
    </div>
  );
}

export function FrameworkDiffLists({ diff, labels }: { diff: FrameworkDiff; labels: Labels }) {
  return (
    <div className="grid gap-2 md:grid-cols-2">
      <ChangeList title={labels.added} none={labels.none} items={diff.added.map((item) => `${item.code} ${item.name}`)} />
      <ChangeList title={labels.removed} none={labels.none} items={diff.removed.map((item) => `${item.code} ${item.name}`)} />
      <ChangeList title={labels.renamed} none={labels.none} items={diff.renamed.map((item) => `${item.code}: ${item.from} → ${item.to}`)} />
      <ChangeList title={labels.weights} none={labels.none} items={diff.weights.map((item) => `${item.code}: ${item.from} → ${item.to}`)} />
      <ChangeList title={labels.criteria} none={labels.none} items={diff.criteria.map((item) => `${item.code}: ${fill(labels.criteriaLevels, { levels: item.levels.join(", ") })}`)} />
      <ChangeList title={labels.bands} none={labels.none} items={diff.bands.map((item) => `${item.name}: ${item.from ?? "-"} → ${item.to ?? "-"}`)} />
      <ChangeList title={labels.other} none={labels.none} items={diff.other.map((item) => `${item.field}: ${item.from} → ${item.to}`)} />
    </div>
  );
}
