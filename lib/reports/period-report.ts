// Everything the official documents of a period show (the PDF report, the Excel form, the
// CSV and JSON results): the indices of every stage through scorePeriodStages, each
// indicator with its levels per stage, the self-assessment's explanation and evidence,
// the recommendations and the people who sign. A fixed number of queries whatever the
// size of the framework. The period is a LoadedPeriod: the caller reached it through the
// policy (loadPeriodFor).
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { DbClient } from "@/lib/db";
import { isIndicatorNode, type FrameworkDefinition, type IndicatorNode } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import type { AnswerStage, AnswerStatus, EvidenceKind, InstansiKind, PeriodPhase, PredicateBasis, RecommendationSource, RecommendationStatus } from "@/lib/generated/prisma/enums";
import { ANSWER_STAGES, scorePeriodStages } from "@/lib/results/period-summary";
import type { AssessmentScore } from "@/lib/scoring";
import type { LoadedPeriod } from "@/lib/assessment/period-access";

/** Shown even before their first answer; the external stages only once they have answers. */
const ALWAYS_SHOWN: readonly AnswerStage[] = ["SELF", "INTERNAL_VERIFICATION"];

export type ReportPeriod = {
  id: string;
  instansiId: string;
  year: number;
  phase: PeriodPhase;
  predicateBasis: PredicateBasis;
  frameworkVersionId: string;
  lockedAt: Date | null;
};

export type ReportGroup = { kind: string; code: string; name: string };

export type ReportEvidence = { id: string; title: string; kind: EvidenceKind; url: string | null };

export type ReportIndicator = {
  id: string;
  number: number;
  code: string;
  name: string;
  weight: string;
  levelScale: string;
  /** Group nodes from the top (domain, or aspect where there are no domains) to the parent. */
  groups: ReportGroup[];
  /** Level per stage as a decimal text ("3", "2.5"); null when that stage has none. */
  levels: Record<AnswerStage, string | null>;
  /** The self-assessment answer, or null when nobody has answered yet. */
  self: { status: AnswerStatus; explanation: string; version: number; evidence: ReportEvidence[] } | null;
};

export type ReportRecommendation = {
  indicatorNumber: number | null;
  indicatorName: string;
  source: RecommendationSource;
  text: string;
  ownerUnit: string | null;
  dueDate: Date | null;
  status: RecommendationStatus;
  targetLevel: string | null;
};

export type PeriodReport = {
  period: ReportPeriod;
  instansi: { code: string; name: string; kind: InstansiKind; region: string | null; timeZone: AgencyTimeZone };
  framework: { code: string; name: string; regulation: string; version: number; definition: FrameworkDefinition };
  /** The stages worth showing, in the order the year produces them. */
  stages: { stage: AnswerStage; score: AssessmentScore }[];
  scores: Record<AnswerStage, AssessmentScore>;
  indicators: ReportIndicator[];
  recommendations: ReportRecommendation[];
  /** Names of who signs the Berita Acara (the first active membership of each role). */
  signatories: { koordinator: string | null; pimpinan: string | null };
};


/** Indicators in questionnaire order with their group path. */
function indicatorOutline(definition: FrameworkDefinition) {
  const outline: { node: IndicatorNode; groups: ReportGroup[] }[] = [];
  walkNodes(definition.nodes, (node, at) => {
    if (isIndicatorNode(node)) outline.push({ node, groups: at.ancestors.map(({ kind, code, name }) => ({ kind, code, name })) });
  });
  return outline;
}

const emptyLevels = (): Record<AnswerStage, string | null> => Object.fromEntries(ANSWER_STAGES.map((stage) => [stage, null])) as Record<AnswerStage, string | null>;

/**
 * The report of a period, or null when it does not exist. With `unitId`, only the
 * indicators assigned to that unit (an Admin OPD's own part of the form).
 */
export async function loadPeriodReport(db: DbClient, loaded: LoadedPeriod, options: { unitId?: string } = {}): Promise<PeriodReport | null> {
  const { id: periodId, instansiId, year, phase, predicateBasis, frameworkVersionId, lockedAt } = loaded;
  const period: ReportPeriod = { id: periodId, instansiId, year, phase, predicateBasis, frameworkVersionId, lockedAt };
  const [scored, instansi, nodes, answers, recommendations, signers, assigned] = await Promise.all([
    scorePeriodStages(db, [period], ANSWER_STAGES),
    db.instansi.findUniqueOrThrow({ where: { id: period.instansiId }, select: { code: true, name: true, kind: true, region: true, timeZone: true } }),
    db.frameworkNode.findMany({ where: { versionId: period.frameworkVersionId, kind: "INDICATOR" }, select: { id: true, number: true } }),
    db.answer.findMany({
      where: { periodId },
      select: {
        stage: true,
        level: true,
        explanation: true,
        status: true,
        version: true,
        indicatorId: true,
        evidence: {
          where: { evidence: { deletedAt: null } },
          orderBy: { createdAt: "asc" },
          select: { evidence: { select: { id: true, title: true, kind: true, url: true } } },
        },
      },
    }),
    db.recommendation.findMany({
      where: { periodId },
      orderBy: [{ indicator: { sortOrder: "asc" } }, { createdAt: "asc" }],
      select: {
        source: true,
        text: true,
        dueDate: true,
        status: true,
        targetLevel: true,
        indicator: { select: { number: true, name: true } },
        ownerUnit: { select: { name: true } },
      },
    }),
    db.membership.findMany({
      where: { instansiId: period.instansiId, role: { in: ["KOORDINATOR", "PIMPINAN"] }, isActive: true, user: { isActive: true } },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { name: true } } },
    }),
    options.unitId ? db.assignment.findMany({ where: { periodId, unitId: options.unitId }, select: { indicatorId: true } }) : null,
  ]);
  const stageScores = scored.get(period.id);
  if (!stageScores) return null;
  const { framework, scores } = stageScores;

  const idOf = new Map(nodes.map((node) => [node.number, node.id]));
  const answersOf = new Map<string, typeof answers>();
  for (const answer of answers) answersOf.set(answer.indicatorId, [...(answersOf.get(answer.indicatorId) ?? []), answer]);
  const onlyAssigned = assigned ? new Set(assigned.map((row) => row.indicatorId)) : null;

  const indicators: ReportIndicator[] = [];
  for (const { node, groups } of indicatorOutline(framework.definition)) {
    const id = idOf.get(node.number);
    if (!id || (onlyAssigned && !onlyAssigned.has(id))) continue;
    const levels = emptyLevels();
    let self: ReportIndicator["self"] = null;
    for (const answer of answersOf.get(id) ?? []) {
      levels[answer.stage] = answer.level?.toString() ?? null;
      if (answer.stage === "SELF") {
        self = { status: answer.status, explanation: answer.explanation ?? "", version: answer.version, evidence: answer.evidence.map((link) => link.evidence) };
      }
    }
    indicators.push({ id, number: node.number, code: node.code, name: node.name, weight: node.weight, levelScale: node.levelScale, groups, levels, self });
  }

  const nameOf = (role: "KOORDINATOR" | "PIMPINAN") => signers.find((signer) => signer.role === role)?.user.name ?? null;
  return {
    period,
    instansi,
    framework: { code: framework.definition.code, name: framework.definition.name, regulation: framework.definition.regulation, version: framework.version, definition: framework.definition },
    stages: ANSWER_STAGES.filter((stage) => ALWAYS_SHOWN.includes(stage) || scores[stage].answeredCount > 0).map((stage) => ({ stage, score: scores[stage] })),
    scores,
    indicators,
    recommendations: recommendations.map((row) => ({
      indicatorNumber: row.indicator.number,
      indicatorName: row.indicator.name,
      source: row.source,
      text: row.text,
      ownerUnit: row.ownerUnit?.name ?? null,
      dueDate: row.dueDate,
      status: row.status,
      targetLevel: row.targetLevel?.toString() ?? null,
    })),
    signatories: { koordinator: nameOf("KOORDINATOR"), pimpinan: nameOf("PIMPINAN") },
  };
}

/** Where a reader opens an evidence item: its link, or the portal's download of the file. */
export function evidenceHref(evidence: ReportEvidence, baseUrl: string): string {
  return evidence.kind === "LINK" && evidence.url ? evidence.url : `${baseUrl.replace(/\/$/, "")}/bukti/${evidence.id}/unduh`;
}
