// The indicators of a period as lists show them: for an Admin OPD their to-do list (what
// is assigned to their unit or to them by name, what needs action first), for the
// Koordinator, Asesor and Pimpinan every indicator with its owner units, filterable.
// A fixed number of queries whatever the size of the framework or the instansi.
import { z } from "zod";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AnswerStatus } from "@/lib/generated/prisma/enums";
import { can, type Actor } from "@/lib/policy";
import { loadPeriodFor } from "./period-access";
import { line } from "@/lib/validation/primitives";
import { effectiveDeadlines } from "@/lib/deadlines/effective";
import { getFrameworkVersion } from "@/lib/framework-versions/store";
import { externallyFedIndicators, externalIndexStanding, type ExternalIndexStanding } from "@/lib/scoring/external-index-values";
import { loadButirBoards } from "./butir";
import { butirProgress, type ButirProgress } from "./butir-board";

export type IndicatorStatus = "NONE" | AnswerStatus;

/** What needs the owner's action comes first; what waits on others or is done, last. */
export const STATUS_PRIORITY: readonly IndicatorStatus[] = ["NEEDS_REVISION", "NEEDS_CONFIRMATION", "NONE", "DRAFT", "SUBMITTED", "VERIFIED", "RECORDED"];

/** Statuses in which the filling deadline still concerns the owner. */
export const OPEN_STATUSES: ReadonlySet<IndicatorStatus> = new Set(["NEEDS_REVISION", "NEEDS_CONFIRMATION", "NONE", "DRAFT"]);

export type OutlineGroup = { code: string; name: string; depth: number };

export type OutlineIndicator = {
  id: string;
  number: number;
  name: string;
  /** Group nodes from the top (a domain, or an aspect in frameworks without domains) to the parent. */
  ancestors: OutlineGroup[];
};

/** The indicators of a framework version in questionnaire order, with their domain and aspect. */
export async function loadIndicatorOutline(db: DbClient, versionId: string): Promise<{ indicators: OutlineIndicator[]; groups: OutlineGroup[] }> {
  const nodes = await db.frameworkNode.findMany({
    where: { versionId },
    orderBy: { sortOrder: "asc" },
    select: { id: true, parentId: true, kind: true, code: true, number: true, name: true },
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const ancestorsOf = (parentId: string | null): OutlineGroup[] => {
    const chain: { code: string; name: string }[] = [];
    for (let node = parentId ? byId.get(parentId) : undefined; node; node = node.parentId ? byId.get(node.parentId) : undefined) chain.unshift(node);
    return chain.map(({ code, name }, depth) => ({ code, name, depth }));
  };
  const groups = nodes.filter((node) => node.kind !== "INDICATOR").map((node) => ({ code: node.code, name: node.name, depth: ancestorsOf(node.parentId).length }));
  const indicators = nodes
    .filter((node) => node.kind === "INDICATOR" && node.number !== null)
    .map((node) => ({ id: node.id, number: node.number!, name: node.name, ancestors: ancestorsOf(node.parentId) }));
  return { indicators, groups };
}

const STATUS_KEYS = ["NONE", "DRAFT", "NEEDS_CONFIRMATION", "SUBMITTED", "NEEDS_REVISION", "VERIFIED", "RECORDED"] as const;

/** GET parameters of the list; anything unexpected is ignored rather than refused. */
export const ZIndicatorListFilters = z.object({
  unit: line().trim().max(40).catch("").default(""),
  domain: line().trim().max(40).catch("").default(""),
  status: z.enum(STATUS_KEYS).optional().catch(undefined),
});

export type IndicatorListFilters = z.output<typeof ZIndicatorListFilters>;

/** `unit` value that selects the indicators without any owner unit. */
export const WITHOUT_OWNER = "tanpa";

export type IndicatorRow = OutlineIndicator & {
  owners: { id: string; label: string }[];
  status: IndicatorStatus;
  /** The SELF answer's level as stored ("3.00"), or null. */
  level: string | null;
  /** Whole days past the filling deadline while the owner still has something to do. */
  daysOverdue: number;
  /** The fill deadline that counts here: the Admin OPD's unit's own, else the earliest of the owner units', else the period's. */
  deadline: Date | null;
  /** When a submitted answer started waiting for verification. */
  submittedAt: Date | null;
  /** For an indicator fed by another national index: whether its value is entered (the owner's to-do). */
  externalIndex: ExternalIndexStanding | null;
  /** Per level how many butir are accepted (or evidenced), for frameworks with butir. */
  butir: ButirProgress | null;
};

export type IndicatorList = {
  period: { id: string; instansiId: string; year: number; phase: string; fillDeadline: Date | null };
  /** "todo": an Admin OPD's own indicators; "all": every indicator, with filters. */
  mode: "todo" | "all";
  rows: IndicatorRow[];
  units: { id: string; label: string }[];
  groups: OutlineGroup[];
};

export async function listPeriodIndicators(db: DbClient, actor: Actor, periodId: string, filters: IndicatorListFilters, now = new Date()): Promise<IndicatorList> {
  const period = await loadPeriodFor(db, actor, "instansi.read", periodId);
  const scope = { instansiId: period.instansiId };
  const seesAll = can(actor, "answer.read-all", scope);
  const ownUnitId = actor.active.role === "ADMIN_OPD" ? actor.active.unitId : null;
  if (!seesAll && !(ownUnitId && can(actor, "answer.read", { ...scope, unitId: ownUnitId }))) throw new AppError("forbidden");

  const [outline, assignments, answers, units, deadlines] = await Promise.all([
    loadIndicatorOutline(db, period.frameworkVersionId),
    db.assignment.findMany({
      where: { periodId: period.id },
      select: { indicatorId: true, unitId: true, assignees: { select: { userId: true } } },
    }),
    db.answer.findMany({ where: { periodId: period.id, stage: "SELF" }, select: { indicatorId: true, status: true, level: true, submittedAt: true } }),
    db.unit.findMany({ where: { instansiId: period.instansiId }, orderBy: { name: "asc" }, select: { id: true, name: true, shortName: true, isActive: true } }),
    effectiveDeadlines(db, period),
  ]);

  // Indicators fed by another national index: one more query, only for frameworks that have them.
  const framework = await getFrameworkVersion(db, period.frameworkVersionId);
  const fed = framework ? externallyFedIndicators(framework.definition) : new Map();
  const indexRows = fed.size > 0 ? await db.externalIndexValue.findMany({ where: { periodId: period.id }, select: { indicatorId: true, value: true, year: true } }) : [];
  const indexOf = new Map(indexRows.map((row) => [row.indicatorId, row]));

  const boards = framework ? await loadButirBoards(db, period.id, framework.definition, new Map(outline.indicators.map((indicator) => [indicator.number, indicator.id]))) : new Map();
  const unitLabel = new Map(units.map((unit) => [unit.id, unit.shortName ?? unit.name]));
  const answerOf = new Map(answers.map((answer) => [answer.indicatorId, answer]));
  const ownersOf = new Map<string, typeof assignments>();
  for (const assignment of assignments) ownersOf.set(assignment.indicatorId, [...(ownersOf.get(assignment.indicatorId) ?? []), assignment]);

  let rows: IndicatorRow[] = outline.indicators.map((indicator) => {
    const own = ownersOf.get(indicator.id) ?? [];
    const answer = answerOf.get(indicator.id);
    const status: IndicatorStatus = answer?.status ?? "NONE";
    const ownerIds = own.map((assignment) => assignment.unitId);
    const deadline = ownUnitId && ownerIds.includes(ownUnitId) ? deadlines.of(ownUnitId, indicator.id) : deadlines.earliestOf(ownerIds, indicator.id);
    return {
      ...indicator,
      owners: own.map((assignment) => ({ id: assignment.unitId, label: unitLabel.get(assignment.unitId) ?? "?" })).sort((a, b) => a.label.localeCompare(b.label)),
      status,
      level: answer?.level?.toString() ?? null,
      daysOverdue: OPEN_STATUSES.has(status) && deadline ? daysOverdue(deadline, now) : 0,
      deadline,
      submittedAt: status === "SUBMITTED" ? (answer?.submittedAt ?? null) : null,
      externalIndex: fed.has(indicator.number) ? externalIndexStanding(fed.get(indicator.number)!.externalIndex, indexOf.get(indicator.id) ?? null) : null,
      butir: boards.has(indicator.id) ? butirProgress(boards.get(indicator.id)!) : null,
    };
  });

  if (!seesAll) {
    const mine = new Set(
      assignments
        .filter((assignment) => assignment.unitId === ownUnitId || assignment.assignees.some((assignee) => assignee.userId === actor.userId))
        .map((assignment) => assignment.indicatorId),
    );
    rows = rows.filter((row) => mine.has(row.id)).sort((a, b) => STATUS_PRIORITY.indexOf(a.status) - STATUS_PRIORITY.indexOf(b.status) || a.number - b.number);
  } else {
    rows = rows.filter(
      (row) =>
        (!filters.unit || (filters.unit === WITHOUT_OWNER ? row.owners.length === 0 : row.owners.some((owner) => owner.id === filters.unit))) &&
        (!filters.domain || row.ancestors.some((group) => group.code === filters.domain)) &&
        (!filters.status || row.status === filters.status),
    );
  }

  return {
    period: { id: period.id, instansiId: period.instansiId, year: period.year, phase: period.phase, fillDeadline: period.fillDeadline },
    mode: seesAll ? "all" : "todo",
    rows,
    units: units.filter((unit) => unit.isActive).map((unit) => ({ id: unit.id, label: unit.shortName ?? unit.name })),
    groups: outline.groups,
  };
}

const JAKARTA_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" });
const DAY_MS = 86_400_000;

/** Calendar days (WIB) from the deadline's day to today's; 0 while the deadline day has not passed. */
export function daysOverdue(deadline: Date, now: Date): number {
  const day = (date: Date) => Date.parse(`${JAKARTA_DAY.format(date)}T00:00:00Z`);
  return Math.max(0, Math.round((day(now) - day(deadline)) / DAY_MS));
}
