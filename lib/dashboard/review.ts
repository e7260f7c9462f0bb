// The Asesor's dashboard: how much waits for verification and for how long, and where the
// verified level differs from the level the owner chose. Two queries.
import type { DbClient } from "@/lib/db";
import { daysOverdue } from "@/lib/assessment/indicator-list";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import type { Actor } from "@/lib/policy";
import { Decimal } from "@/lib/scoring";

/** Longest-waiting indicators listed. */
const OLDEST_COUNT = 5;

export type WaitingIndicator = { number: number; name: string; submittedAt: Date; days: number };

export type LevelDifference = { number: number; name: string; self: string; verified: string; /** verified - self */ delta: string };

export type ReviewDashboard = {
  period: { id: string; year: number; verifyDeadline: Date | null };
  queueSize: number;
  /** Whole calendar days (WIB) since submission; null when the queue is empty. */
  medianDays: number | null;
  oldestDays: number | null;
  oldest: WaitingIndicator[];
  verified: number;
  needsRevision: number;
  /** Largest difference first. */
  differences: LevelDifference[];
};

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function reviewDashboard(db: DbClient, actor: Actor, periodId: string, now = new Date()): Promise<ReviewDashboard> {
  const period = await loadPeriodFor(db, actor, "answer.verify", periodId);
  const answers = await db.answer.findMany({
    where: { periodId: period.id, stage: { in: ["SELF", "INTERNAL_VERIFICATION"] } },
    select: { stage: true, status: true, level: true, submittedAt: true, indicator: { select: { number: true, name: true } } },
  });
  const self = answers.filter((answer) => answer.stage === "SELF");
  const verifiedLevelOf = new Map(answers.filter((answer) => answer.stage === "INTERNAL_VERIFICATION").map((answer) => [answer.indicator.number, answer.level]));

  const waiting = self
    .filter((answer) => answer.status === "SUBMITTED" && answer.indicator.number !== null)
    .map((answer) => {
      // Submitting sets submittedAt; should a row lack it, it counts as waiting since today rather than vanishing.
      const submittedAt = answer.submittedAt ?? now;
      return { number: answer.indicator.number!, name: answer.indicator.name, submittedAt, days: daysOverdue(submittedAt, now) };
    })
    .sort((a, b) => b.days - a.days || a.number - b.number);
  const days = waiting.map((item) => item.days).sort((a, b) => a - b);

  const differences = self
    .flatMap((answer) => {
      const verified = verifiedLevelOf.get(answer.indicator.number);
      if (answer.indicator.number === null || !answer.level || !verified) return [];
      const delta = Decimal.parse(verified.toString()).sub(Decimal.parse(answer.level.toString()));
      if (delta.isZero()) return [];
      return [{ number: answer.indicator.number, name: answer.indicator.name, self: answer.level.toString(), verified: verified.toString(), delta }];
    })
    .sort((a, b) => absolute(b.delta).cmp(absolute(a.delta)) || a.number - b.number)
    .map(({ delta, ...difference }) => ({ ...difference, delta: delta.toString() }));

  return {
    period: { id: period.id, year: period.year, verifyDeadline: period.verifyDeadline },
    queueSize: waiting.length,
    medianDays: median(days),
    oldestDays: days.length > 0 ? days[days.length - 1]! : null,
    oldest: waiting.slice(0, OLDEST_COUNT),
    verified: self.filter((answer) => answer.status === "VERIFIED").length,
    needsRevision: self.filter((answer) => answer.status === "NEEDS_REVISION").length,
    differences,
  };
}

const absolute = (value: Decimal) => (value.isNegative() ? value.neg() : value);
