// What the bulk assignment screen shows: indicators (grouped by domain and aspect) x units,
// the current pairs and named people with their version token, the default owners of every
// indicator, and which indicators can no longer lose an owner. A fixed number of queries.
import type { DbClient } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { defaultOwnerFunctions, matchUnitsByFunctions } from "./default-assignment";
import { loadIndicatorOutline } from "./indicator-list";
import { assignmentVersion, loadAssignments } from "./assignments";
import { loadPeriodFor } from "./period-access";
import { phaseAllows, type Phase } from "./phase";

export type MatrixIndicator = {
  id: string;
  number: number;
  name: string;
  /** SUBMITTED or VERIFIED when the SELF answer is settled: its owner units cannot be removed. */
  settledStatus: string | null;
  defaultUnitIds: string[];
};

export type MatrixGroup = { code: string; title: string; indicators: MatrixIndicator[] };

export type AssignmentMatrix = {
  period: { id: string; year: number; phase: Phase };
  canEdit: boolean;
  version: string;
  units: { id: string; label: string; name: string; isActive: boolean }[];
  groups: MatrixGroup[];
  /** "indicatorId:unitId" */
  pairs: string[];
  /** "indicatorId:unitId:userId" */
  assignees: string[];
  /** Active Admin OPD per unit id: who can be named for that unit. */
  people: Record<string, { id: string; name: string }[]>;
};

export async function loadAssignmentMatrix(db: DbClient, actor: Actor, periodId: string): Promise<AssignmentMatrix> {
  const period = await loadPeriodFor(db, actor, "assignment.manage", periodId);
  const [version, outline, units, assignments, settled, members] = await Promise.all([
    db.frameworkVersion.findUniqueOrThrow({ where: { id: period.frameworkVersionId }, select: { framework: { select: { code: true } } } }),
    loadIndicatorOutline(db, period.frameworkVersionId),
    db.unit.findMany({ where: { instansiId: period.instansiId }, orderBy: { name: "asc" }, select: { id: true, name: true, shortName: true, functions: true, isActive: true } }),
    loadAssignments(db, period.id),
    db.answer.findMany({ where: { periodId: period.id, stage: "SELF", status: { in: ["SUBMITTED", "VERIFIED"] } }, select: { indicatorId: true, status: true } }),
    db.membership.findMany({
      where: { instansiId: period.instansiId, role: "ADMIN_OPD", isActive: true, user: { isActive: true }, unitId: { not: null } },
      orderBy: { user: { name: "asc" } },
      select: { unitId: true, user: { select: { id: true, name: true } } },
    }),
  ]);

  // An inactive unit stays a column while it still owns something, so saving keeps it.
  const owning = new Set(assignments.map((row) => row.unitId));
  const columns = units.filter((unit) => unit.isActive || owning.has(unit.id));
  const settledStatus = new Map(settled.map((answer) => [answer.indicatorId, answer.status]));

  const groups: MatrixGroup[] = [];
  for (const indicator of outline.indicators) {
    const parent = indicator.ancestors[indicator.ancestors.length - 1];
    const code = parent?.code ?? "";
    let group = groups[groups.length - 1];
    if (!group || group.code !== code) {
      group = { code, title: indicator.ancestors.map((ancestor) => ancestor.name).join(" › "), indicators: [] };
      groups.push(group);
    }
    group.indicators.push({
      id: indicator.id,
      number: indicator.number,
      name: indicator.name,
      settledStatus: settledStatus.get(indicator.id) ?? null,
      defaultUnitIds: matchUnitsByFunctions(units, defaultOwnerFunctions(indicator, version.framework.code)),
    });
  }

  const people: AssignmentMatrix["people"] = {};
  for (const member of members) (people[member.unitId!] ??= []).push(member.user);

  return {
    period: { id: period.id, year: period.year, phase: period.phase },
    canEdit: phaseAllows(period.phase, "assignment.edit"),
    version: assignmentVersion(assignments),
    units: columns.map((unit) => ({ id: unit.id, label: unit.shortName ?? unit.name, name: unit.name, isActive: unit.isActive })),
    groups,
    pairs: assignments.map((row) => `${row.indicatorId}:${row.unitId}`),
    assignees: assignments.flatMap((row) => row.assignees.map((assignee) => `${row.indicatorId}:${row.unitId}:${assignee.userId}`)),
    people,
  };
}
