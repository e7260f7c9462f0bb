// A period's results for other systems: every indicator with its level per stage, and the
// index of every node and of the whole per stage, as CSV (one table, a `type` column
// telling rows apart) and as JSON. Machine-readable on purpose: stable English keys and
// stage codes, decimal points, indices rounded half-up to 2 decimals (JSON also carries
// the exact value). A stage without any answer has no index (empty / null), not 0.
import type { AnswerStage } from "@/lib/generated/prisma/enums";
import { CSV_BOM, csvRow } from "@/lib/export/csv";
import { ANSWER_STAGES } from "@/lib/results/period-summary";
import { Decimal, INDEX_DECIMALS, type AssessmentScore } from "@/lib/scoring";
import type { PeriodReport } from "./period-report";

export const RESULTS_FORMAT = "spbe-mandiri.results.v1";

const rounded = (exact: string) => Decimal.from(exact).toFixed(INDEX_DECIMALS);
const hasAnswers = (score: AssessmentScore) => score.answeredCount > 0;

export const RESULTS_CSV_COLUMNS = ["type", "code", "number", "name", "parent", "weight", ...ANSWER_STAGES] as const;

export function resultsCsv(report: PeriodReport): string {
  const { scores } = report;
  const perStage = (value: (stage: AnswerStage) => string | null) => ANSWER_STAGES.map((stage) => (hasAnswers(scores[stage]) ? value(stage) : null));
  const lines = [
    csvRow(RESULTS_CSV_COLUMNS),
    csvRow(["index", "", "", report.framework.name, "", "100", ...perStage((stage) => rounded(scores[stage].indexExact))]),
    csvRow(["predicate", "", "", report.framework.name, "", "", ...perStage((stage) => scores[stage].predicate)]),
  ];
  for (const node of scores.SELF.nodes) {
    const indexOf = (stage: AnswerStage) => {
      const found = scores[stage].nodes.find((candidate) => candidate.code === node.code);
      return found ? rounded(found.indexExact) : null;
    };
    lines.push(csvRow([node.kind, node.code, "", node.name, node.parentCode ?? "", node.weight, ...perStage(indexOf)]));
  }
  for (const indicator of report.indicators) {
    const parent = indicator.groups[indicator.groups.length - 1]?.code ?? "";
    lines.push(csvRow(["indicator", indicator.code, indicator.number, indicator.name, parent, indicator.weight, ...ANSWER_STAGES.map((stage) => indicator.levels[stage])]));
  }
  return CSV_BOM + lines.join("");
}

export function resultsJson(report: PeriodReport, generatedAt: Date = new Date()) {
  const { scores } = report;
  return {
    format: RESULTS_FORMAT,
    generatedAt: generatedAt.toISOString(),
    instansi: { code: report.instansi.code, name: report.instansi.name },
    period: { id: report.period.id, year: report.period.year, phase: report.period.phase, predicateBasis: report.period.predicateBasis },
    framework: { code: report.framework.code, name: report.framework.name, version: report.framework.version },
    stages: ANSWER_STAGES.filter((stage) => hasAnswers(scores[stage])).map((stage) => {
      const score = scores[stage];
      return {
        stage,
        index: rounded(score.indexExact),
        indexExact: score.indexExact,
        predicate: score.predicate,
        answered: score.answeredCount,
        indicators: score.indicatorCount,
        nodes: score.nodes.map((node) => ({
          code: node.code,
          kind: node.kind,
          name: node.name,
          parent: node.parentCode,
          weight: node.weight,
          index: rounded(node.indexExact),
          indexExact: node.indexExact,
          predicate: node.predicate,
        })),
      };
    }),
    indicators: report.indicators.map((indicator) => ({
      number: indicator.number,
      code: indicator.code,
      name: indicator.name,
      path: indicator.groups.map((group) => group.code),
      weight: indicator.weight,
      levels: Object.fromEntries(ANSWER_STAGES.map((stage) => [stage, indicator.levels[stage]])) as Record<AnswerStage, string | null>,
    })),
  };
}
