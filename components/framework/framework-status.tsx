// Which framework a value is decided under, whether it is official, and on what it rests:
// shown wherever a person sets a value, so a provisional text is never taken as final.
import type { FrameworkDefinition } from "@/lib/framework/schema";
import type { Messages } from "@/lib/i18n/messages";

export function FrameworkStatus({
  framework,
  labels,
  showRules = false,
}: {
  framework: FrameworkDefinition;
  labels: Messages["criteria"];
  showRules?: boolean;
}) {
  const provisional = framework.status === "provisional";
  return (
    <div
      role="note"
      data-testid="status-kerangka"
      className={`rounded-md border p-3 text-sm ${provisional ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-white text-slate-700"}`}
    >
      <p>
        <strong>{labels.status[framework.status]}</strong>: {framework.name}
      </p>
      <p>
        <span className="font-medium">{labels.basis}:</span> {framework.regulation}
      </p>
      {provisional && framework.statusNote && <p className="mt-1">{framework.statusNote}</p>}
      {showRules && framework.scoring?.rules && framework.scoring.rules.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer font-medium">{labels.scoringRules}</summary>
          <ul className="mt-1 list-disc pl-5">
            {framework.scoring.rules.map((rule) => <li key={rule}>{rule}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
