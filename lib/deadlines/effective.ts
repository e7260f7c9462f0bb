// Per-unit fill deadlines: the Koordinator may give a unit (or one indicator of a unit) an
// earlier fill deadline than the period's. What counts for a (unit, indicator) pair: its
// indicator deadline, else its unit's, else the period's fill deadline. To-do lists,
// dashboards, the daily digest and the PDF all read deadlines through effectiveDeadlines().
import type { DbClient } from "@/lib/db";

export type DeadlineRow = { unitId: string; indicatorId: string | null; fillDeadline: Date };

export type DeadlineResolver = {
  /** The fill deadline that counts for this unit's work on this indicator. */
  of(unitId: string, indicatorId: string): Date | null;
  /** The earliest deadline among the units owning an indicator (the period's without owners). */
  earliestOf(unitIds: readonly string[], indicatorId: string): Date | null;
  /** The unit-wide deadline (the period's when the unit has none). */
  ofUnit(unitId: string): Date | null;
  rows: readonly DeadlineRow[];
};

export function deadlineResolver(periodFillDeadline: Date | null, rows: readonly DeadlineRow[]): DeadlineResolver {
  const unitWide = new Map(rows.filter((row) => row.indicatorId === null).map((row) => [row.unitId, row.fillDeadline]));
  const perIndicator = new Map(rows.filter((row) => row.indicatorId !== null).map((row) => [`${row.unitId}:${row.indicatorId}`, row.fillDeadline]));
  const ofUnit = (unitId: string) => unitWide.get(unitId) ?? periodFillDeadline;
  const of = (unitId: string, indicatorId: string) => perIndicator.get(`${unitId}:${indicatorId}`) ?? ofUnit(unitId);
  return {
    of,
    ofUnit,
    earliestOf(unitIds, indicatorId) {
      const dates = unitIds.map((unitId) => of(unitId, indicatorId)).filter((date): date is Date => date !== null);
      if (dates.length === 0) return periodFillDeadline;
      return dates.reduce((earliest, date) => (date < earliest ? date : earliest));
    },
    rows,
  };
}

export async function effectiveDeadlines(db: DbClient, period: { id: string; fillDeadline: Date | null }): Promise<DeadlineResolver> {
  const rows = await db.unitDeadline.findMany({ where: { periodId: period.id }, select: { unitId: true, indicatorId: true, fillDeadline: true } });
  return deadlineResolver(period.fillDeadline, rows);
}
