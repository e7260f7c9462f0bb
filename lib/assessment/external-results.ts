// Every stage of a period side by side: the self-assessment, the internal verification and
// the external stages per indicator, each stage's index, and the sanggah list. A fixed
// number of queries whatever the number of indicators; the period is a LoadedPeriod (the
// caller reached it through the policy).
import type { DbClient } from "@/lib/db";
import { isIndicatorNode, type FrameworkDefinition } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import type { ObjectionStatus } from "@/lib/generated/prisma/enums";
import { scorePeriodStages } from "@/lib/results/period-summary";
import { Decimal, type AssessmentScore } from "@/lib/scoring";
import { EXTERNAL_STAGES, type ExternalStage } from "@/lib/validation/external";
import { levelOptions, levelScaleOf, type LevelOption, type LevelScaleRule } from "./level-rule";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import { objectionWindow, type ObjectionWindow } from "./objection-deadline";
import type { LoadedPeriod } from "./period-access";

export const RESULT_STAGES = ["SELF", "INTERNAL_VERIFICATION", ...EXTERNAL_STAGES] as const;
export type ResultStage = (typeof RESULT_STAGES)[number];

/** The result the agency would contest is the latest stage that has one. */
const LATEST_FIRST: readonly ExternalStage[] = ["FINAL", "VISITATION", "INTERVIEW", "DOCUMENT"];

export type StageCell = { level: string | null; notes: string | null; version: number };

export type ExternalIndicator = {
  number: number;
  name: string;
  cells: Partial<Record<ResultStage, StageCell>>;
  /** The framework's named levels (a select on a whole-level scale). */
  levelOptions: LevelOption[];
};

export type ObjectionView = { stage: ResultStage; status: ObjectionStatus; reason: string; updatedAt: Date };

export type ContestableIndicator = {
  number: number;
  name: string;
  selfLevel: string;
  stage: ExternalStage;
  stageLevel: string;
  objections: ObjectionView[];
};

export type ExternalResults = {
  period: { id: string; year: number; phase: string };
  frameworkName: string;
  scale: LevelScaleRule;
  /** Shown where the Koordinator records values: which framework, official or provisional. */
  framework: FrameworkDefinition;
  groups: { code: string; name: string; indicators: ExternalIndicator[] }[];
  scores: { stage: ResultStage; score: AssessmentScore }[];
  contestable: ContestableIndicator[];
  objectionOutcome: { accepted: number; rejected: number; open: number };
  timeZone: AgencyTimeZone;
  window: ObjectionWindow;
};

/** "higher"/"lower" than the self level, or null when either is missing or they are equal. */
export function compareToSelf(level: string | null | undefined, self: string | null | undefined): "higher" | "lower" | null {
  if (!level || !self) return null;
  const order = Decimal.from(level).cmp(Decimal.from(self));
  return order > 0 ? "higher" : order < 0 ? "lower" : null;
}

export async function loadExternalResults(db: DbClient, period: LoadedPeriod, now: Date = new Date()): Promise<ExternalResults | null> {
  const [scored, instansi, answers, objections] = await Promise.all([
    scorePeriodStages(db, [period], RESULT_STAGES),
    db.instansi.findUniqueOrThrow({ where: { id: period.instansiId }, select: { timeZone: true } }),
    db.answer.findMany({
      where: { periodId: period.id },
      select: { stage: true, level: true, explanation: true, version: true, indicator: { select: { number: true } } },
    }),
    db.objection.findMany({
      where: { periodId: period.id },
      orderBy: { createdAt: "asc" },
      select: { stage: true, status: true, reason: true, updatedAt: true, indicator: { select: { number: true } } },
    }),
  ]);
  const stages = scored.get(period.id);
  if (!stages) throw new Error(`Kerangka periode ${period.id} tidak ditemukan`);
  const { definition } = stages.framework;

  const cellsOf = new Map<number, Partial<Record<ResultStage, StageCell>>>();
  for (const answer of answers) {
    if (answer.indicator.number === null) continue;
    const cells = cellsOf.get(answer.indicator.number) ?? {};
    cells[answer.stage] = { level: answer.level?.toFixed(2) ?? null, notes: answer.explanation, version: answer.version };
    cellsOf.set(answer.indicator.number, cells);
  }

  const groups = definition.nodes.map((top) => {
    const indicators: ExternalIndicator[] = [];
    walkNodes([top], (node) => {
      if (!isIndicatorNode(node)) return;
      indicators.push({ number: node.number, name: node.name, cells: cellsOf.get(node.number) ?? {}, levelOptions: levelOptions(definition, node) });
    });
    return { code: top.code, name: top.name, indicators };
  });

  const scores = RESULT_STAGES.map((stage) => ({ stage, score: stages.scores[stage] }));

  const contestable: ContestableIndicator[] = [];
  for (const indicator of groups.flatMap((group) => group.indicators)) {
    const selfLevel = indicator.cells.SELF?.level;
    const stage = LATEST_FIRST.find((candidate) => indicator.cells[candidate]?.level);
    const stageLevel = stage ? indicator.cells[stage]?.level : null;
    // An indicator stays listed once contested, also when an accepted objection lifted its level.
    const contested = objections.some((objection) => objection.indicator.number === indicator.number);
    if (!stage || !selfLevel || !stageLevel || (compareToSelf(stageLevel, selfLevel) !== "lower" && !contested)) continue;
    contestable.push({
      number: indicator.number,
      name: indicator.name,
      selfLevel,
      stage,
      stageLevel,
      objections: objections
        .filter((objection) => objection.indicator.number === indicator.number)
        .map(({ stage: objectionStage, status, reason, updatedAt }) => ({ stage: objectionStage, status, reason, updatedAt })),
    });
  }

  return {
    period: { id: period.id, year: period.year, phase: period.phase },
    frameworkName: definition.name,
    scale: levelScaleOf(definition),
    framework: definition,
    groups,
    scores,
    contestable,
    // A locked period shows the outcome of the sanggah instead of the deadline's countdown.
    objectionOutcome: {
      accepted: objections.filter((objection) => objection.status === "ACCEPTED").length,
      rejected: objections.filter((objection) => objection.status === "REJECTED").length,
      open: objections.filter((objection) => objection.status === "SUBMITTED" || objection.status === "DRAFT").length,
    },
    timeZone: instansi.timeZone,
    window: objectionWindow(period.objectionDeadline, now, instansi.timeZone),
  };
}
