// The ranked pre-check warnings of one evidence item, as the library and the indicator form
// show them. Server component: the warnings are messages rendered in the reader's catalog.
import type { PrecheckWarning } from "@/lib/evidence/precheck/warnings";
import type { Messages } from "@/lib/i18n/messages";
import { renderIn } from "@/lib/i18n/message";

const STYLE = { high: "bg-red-100 text-red-900", medium: "bg-amber-100 text-amber-900", low: "bg-slate-100 text-slate-800" } as const;

export function PrecheckList({ warnings, m }: { warnings: readonly PrecheckWarning[]; m: Messages }) {
  if (warnings.length === 0) return null;
  return (
    <ol className="space-y-1 text-sm" data-testid="pra-periksa" aria-label={m.precheck.title}>
      {warnings.map((warning) => (
        <li key={warning.code} data-code={warning.code} className="flex gap-2">
          <span className={`h-fit whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[warning.severity]}`}>{m.precheck.severity[warning.severity]}</span>
          <span>{renderIn(m, warning.message)}</span>
        </li>
      ))}
    </ol>
  );
}
