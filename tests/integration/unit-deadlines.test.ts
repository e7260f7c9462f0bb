// Per-unit deadlines: the Koordinator sets a unit's (or one indicator's) fill deadline no
// later than the period's; refusals say why; the to-do list follows the unit's deadline.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { listPeriodIndicators } from "@/lib/assessment/indicator-list";
import { effectiveDeadlines } from "@/lib/deadlines/effective";
import type { Actor } from "@/lib/policy";
import { asRead } from "../support/as-read";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";

let fixtures: Fixtures;
let koordinator: Actor;
let owner: Actor;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  [koordinator, owner] = await Promise.all([actorFor(fixtures, "KOORDINATOR"), actorFor(fixtures, "ADMIN_OPD")]);
  await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { fillDeadline: new Date("2026-10-31T00:00:00Z") } });
});

async function set(input: Record<string, unknown>, actor: Actor = koordinator) {
  try {
    return asRead(await executeCommand(db, COMMANDS.setUnitDeadline, actor, requestContext, { periodId: fixtures.home.periodId, unitId: fixtures.home.unitIds[0], indicatorId: "", ...input }));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}
const indicator = (number: number) => fixtures.framework.indicatorIds[number]!;

describe("setting a unit's deadline", () => {
  it("stores a unit-wide and a per-indicator deadline, each the one that counts, with audit records", async () => {
    expect(await set({ fillDeadline: "2026-09-30" })).toMatchObject({ message: "Tenggat unit Unit A rumah disimpan: 30 September 2026." });
    expect(await set({ indicatorId: indicator(2), fillDeadline: "2026-09-15" })).toMatchObject({ message: "Tenggat indikator 2 unit Unit A rumah disimpan: 15 September 2026." });
    const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: fixtures.home.periodId } });
    const deadlines = await effectiveDeadlines(db, period);
    expect(deadlines.of(fixtures.home.unitIds[0], indicator(1))?.toISOString().slice(0, 10)).toBe("2026-09-30");
    expect(deadlines.of(fixtures.home.unitIds[0], indicator(2))?.toISOString().slice(0, 10)).toBe("2026-09-15");
    expect(deadlines.of(fixtures.home.unitIds[1], indicator(4))?.toISOString().slice(0, 10)).toBe("2026-10-31");
    expect(await db.auditLog.count({ where: { action: "unit-deadline.set" } })).toBe(2);

    // Changing it again updates the one row; an empty date removes it.
    await set({ fillDeadline: "2026-09-20" });
    expect(await db.unitDeadline.count()).toBe(2);
    expect(await set({ fillDeadline: "" })).toMatchObject({ message: "Tenggat khusus unit Unit A rumah dihapus; kini mengikuti tenggat periode." });
    expect(await db.unitDeadline.count()).toBe(1);
  });

  it("refuses a date after the period's deadline, an unknown unit, an indicator not assigned, and a locked period", async () => {
    const late = await set({ fillDeadline: "2026-11-01" });
    expect(late).toBeInstanceOf(AppError);
    expect((late as AppError).details).toMatchObject([{ field: "fillDeadline", message: "Tenggat unit tidak boleh melewati tenggat pengisian periode (31 Oktober 2026)." }]);
    const unknown = await set({ unitId: fixtures.other.unitIds[0], fillDeadline: "2026-09-30" });
    expect((unknown as AppError).details).toMatchObject([{ field: "unitId", message: "Unit itu tidak ditemukan atau tidak aktif di instansi Anda." }]);
    const notAssigned = await set({ indicatorId: indicator(4), fillDeadline: "2026-09-30" });
    expect((notAssigned as AppError).details).toMatchObject([{ field: "indicatorId", message: "Indikator itu tidak ditugaskan ke unit ini pada periode ini." }]);
    await set({ fillDeadline: "2026-09-30" });
    const afterUnit = await set({ indicatorId: indicator(1), fillDeadline: "2026-10-15" });
    expect((afterUnit as AppError).details).toMatchObject([{ field: "fillDeadline", message: "Tenggat indikator tidak boleh melewati tenggat unit Unit A rumah (30 September 2026)." }]);

    await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    const locked = await set({ fillDeadline: "2026-09-01" });
    expect([(locked as AppError).status, (locked as AppError).message]).toEqual([409, "Periode ini sudah final dan terkunci: tidak ada yang dapat diubah. Koordinator dapat membukanya kembali dengan alasan tercatat."]);
    expect(await db.unitDeadline.count()).toBe(1);
    // Only the Koordinator sets them.
    expect(((await set({ fillDeadline: "2026-09-01" }, owner)) as AppError).status).toBe(403);
  });

  it("the Admin OPD's to-do list counts overdue days from their unit's own deadline", async () => {
    await set({ fillDeadline: "2026-09-30" });
    await set({ indicatorId: indicator(3), fillDeadline: "2026-09-20" });
    const list = await listPeriodIndicators(db, owner, fixtures.home.periodId, { unit: "", domain: "", status: undefined }, new Date("2026-10-05T05:00:00Z"));
    const byNumber = Object.fromEntries(list.rows.map((row) => [row.number, [row.deadline?.toISOString().slice(0, 10), row.daysOverdue]]));
    expect(byNumber).toEqual({ 1: ["2026-09-30", 5], 2: ["2026-09-30", 5], 3: ["2026-09-20", 15] });
    // The Koordinator's list shows the earliest deadline of the owners; unit b follows the period.
    const all = await listPeriodIndicators(db, koordinator, fixtures.home.periodId, { unit: "", domain: "", status: undefined }, new Date("2026-10-05T05:00:00Z"));
    expect(all.rows.find((row) => row.number === 4)!.daysOverdue).toBe(0);
    expect(all.rows.find((row) => row.number === 1)!.daysOverdue).toBe(5);
  });
});
