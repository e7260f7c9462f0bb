// A chart with its text alternative: the caption, an optional sentence with the key
// numbers, and the full data as a table that screen readers read instead of the drawing.
import type { ReactNode } from "react";

export type DataTable = { columns: string[]; rows: { key: string; cells: string[] }[] };

export function ChartFigure({ title, summary, table, testId, children }: { title: string; summary?: string; table: DataTable; testId: string; children: ReactNode }) {
  return (
    <figure className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="font-semibold text-brand-900">{title}</figcaption>
      <div aria-hidden="true">{children}</div>
      {summary && <p className="text-sm text-slate-700" data-testid={`${testId}-ringkasan`}>{summary}</p>}
      <table className="sr-only" data-testid={`${testId}-tabel`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, position) =>
                position === 0 ? <th key={position} scope="row">{cell}</th> : <td key={position}>{cell}</td>,
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
