// The agency's previous period and what this period's indicators correspond to in it,
// through lib/framework/lineage.ts: the indicator form's history or cross-framework
// context, the previous recommendations, the baseline and the carry-over all ask here.
import type { DbClient } from "@/lib/db";
import { counterpartOf, type Counterpart } from "@/lib/framework/lineage";
import { isIndicatorNode, type FrameworkDefinition } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { getFrameworkVersion, type StoredFrameworkVersion } from "@/lib/framework-versions/store";
import type { AnswerStage, PeriodPhase } from "@/lib/generated/prisma/enums";

export type PreviousPeriod = {
  id: string;
  year: number;
  phase: PeriodPhase;
  frameworkVersionId: string;
  framework: StoredFrameworkVersion;
};

/** The latest period before `year` (whatever its framework), with its framework version. */
export async function loadPreviousPeriod(db: DbClient, instansiId: string, year: number): Promise<PreviousPeriod | null> {
  const row = await db.assessmentPeriod.findFirst({
    where: { instansiId, year: { lt: year } },
    orderBy: { year: "desc" },
    select: { id: true, year: true, phase: true, frameworkVersionId: true },
  });
  if (!row) return null;
  const framework = await getFrameworkVersion(db, row.frameworkVersionId);
  if (!framework) throw new Error(`Kerangka periode ${row.id} tidak ditemukan`);
  return { ...row, framework };
}

/** The previous period's indicator codes that correspond to `code`, and whether they are the same indicator. */
export function previousCodes(current: FrameworkDefinition, previous: PreviousPeriod | null, code: string): { counterpart: Counterpart; codes: string[] } {
  const counterpart: Counterpart = previous ? counterpartOf(current, previous.framework.definition, code) : { kind: "none" };
  const codes = counterpart.kind === "same" ? [counterpart.indicator.code] : counterpart.kind === "mapped" ? counterpart.indicators.map((link) => link.indicator.code) : [];
  return { counterpart, codes };
}

// Which stage holds an indicator's final level: the external result if it was recorded,
// else the internal verification, else the owner's own answer.
export const FINAL_LEVEL_STAGES = ["FINAL", "INTERNAL_VERIFICATION", "SELF"] as const;

type StageLevel = { stage: AnswerStage; level: { toString(): string } | null };

/** The answer whose level counts as the indicator's final level, or undefined. */
export function finalLevelAnswer<Answer extends StageLevel>(answers: readonly Answer[]): Answer | undefined {
  return FINAL_LEVEL_STAGES.map((stage) => answers.find((answer) => answer.stage === stage && answer.level !== null)).find(Boolean);
}

/**
 * What the indicator form shows from the previous period: the same indicator's answers
 * ("last year's answer"), or, when the previous period ran on another framework, the
 * mapped indicators' final levels and explanations as context, with their framework and
 * indicator names. Never another framework's answer as this indicator's own history.
 */
export async function loadPreviousContext(db: DbClient, current: FrameworkDefinition, previous: PreviousPeriod | null, code: string) {
  if (!previous) return null;
  const { counterpart, codes } = previousCodes(current, previous, code);
  if (counterpart.kind === "none") return { kind: "none" as const, year: previous.year, crossFramework: previous.framework.code !== current.code };
  const answers = await db.answer.findMany({
    where: { periodId: previous.id, indicator: { versionId: previous.frameworkVersionId, code: { in: codes } } },
    select: { stage: true, level: true, explanation: true, indicator: { select: { code: true } } },
  });
  if (counterpart.kind === "same") {
    return { kind: "same" as const, year: previous.year, answers: answers.map(({ stage, level, explanation }) => ({ stage, level, explanation })) };
  }
  return {
    kind: "mapped" as const,
    year: previous.year,
    frameworkName: previous.framework.definition.name,
    indicators: counterpart.indicators.map(({ indicator, relation }) => {
      const own = answers.filter((answer) => answer.indicator.code === indicator.code);
      const final = finalLevelAnswer(own);
      return {
        code: indicator.code,
        number: indicator.number,
        name: indicator.name,
        relation,
        level: final?.level?.toString() ?? null,
        stage: final?.stage ?? null,
        explanation: own.find((answer) => answer.stage === "SELF")?.explanation ?? null,
      };
    }),
  };
}

export type PreviousContext = Awaited<ReturnType<typeof loadPreviousContext>>;

/**
 * Whether the period overview offers "Bawa dari periode sebelumnya": the previous period
 * ran on another framework and nobody has answered anything in this one yet (the command
 * checks both again).
 */
export async function carryOverOffer(db: DbClient, period: { id: string; instansiId: string; year: number; frameworkVersionId: string }) {
  const [previous, answers, current] = await Promise.all([
    loadPreviousPeriod(db, period.instansiId, period.year),
    db.answer.count({ where: { periodId: period.id } }),
    getFrameworkVersion(db, period.frameworkVersionId),
  ]);
  if (!previous || answers > 0 || !current || previous.framework.code === current.code) return null;
  return { year: previous.year, frameworkName: previous.framework.definition.name };
}

/** The evidence the carry-over proposed for one indicator, with the previous indicator it supported. */
export async function loadEvidenceCandidates(db: DbClient, periodId: string, indicatorId: string, previous: PreviousPeriod | null) {
  const candidates = await db.evidenceCandidate.findMany({
    where: { periodId, indicatorId, evidence: { deletedAt: null } },
    orderBy: [{ sourceCode: "asc" }, { createdAt: "asc" }],
    select: { sourceCode: true, evidenceId: true },
  });
  // The items in a second query only when there are candidates (most indicators have none;
  // a nested select would send it anyway).
  const items =
    candidates.length > 0
      ? await db.evidence.findMany({ where: { id: { in: candidates.map((candidate) => candidate.evidenceId) } }, select: { id: true, title: true, kind: true, url: true, ownerUnitId: true } })
      : [];
  const itemOf = new Map(items.map((item) => [item.id, item]));
  const rows = candidates.flatMap(({ sourceCode, evidenceId }) => {
    const evidence = itemOf.get(evidenceId);
    return evidence ? [{ sourceCode, evidence }] : [];
  });
  const names = new Map<string, string>();
  if (previous) {
    walkNodes(previous.framework.definition.nodes, (node) => {
      if (isIndicatorNode(node)) names.set(node.code, `${node.number} ${node.name}`);
    });
  }
  return rows.map(({ sourceCode, evidence }) => ({
    ...evidence,
    source: `${previous?.framework.definition.name ?? ""} · ${names.get(sourceCode) ?? sourceCode}`,
  }));
}

const PHASE_NAMES: readonly string[] = ["PERSIAPAN", "PENGISIAN", "VERIFIKASI", "FINAL"] satisfies readonly PeriodPhase[];

/**
 * The stage the baseline period was in when this period copied from it (opening with
 * "Mulai dari tahun lalu" or the carry-over), as the audit record of that copy keeps it;
 * null when nothing was copied. A copy from a period not yet final may since have changed there.
 */
export async function baselineStageOf(db: DbClient, period: { id: string; instansiId: string; baselinePeriodId: string | null }): Promise<PeriodPhase | null> {
  if (!period.baselinePeriodId) return null;
  const copy = await db.auditLog.findFirst({
    where: { entityType: "AssessmentPeriod", entityId: period.id, instansiId: period.instansiId, action: { in: ["period.open", "period.carry-over"] } },
    orderBy: { id: "desc" },
    select: { after: true },
  });
  const phase = (copy?.after as { baselinePhase?: unknown } | null)?.baselinePhase;
  return typeof phase === "string" && PHASE_NAMES.includes(phase) ? (phase as PeriodPhase) : null;
}
