// External national indices on a pemdi-2026 period: the owner unit (or the Koordinator)
// enters the SDI value with its year and source document; the self-assessment of I5 counts
// the converted value (the data's two worked examples: SDI 25 -> 2,00, SDI 68,75 -> 3,75) and
// 1 while none is entered, whatever level the form holds. Every refusal is specific and
// leaves nothing behind.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import type { Actor } from "@/lib/policy";
import { scorePeriodStages } from "@/lib/results/period-summary";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let periodId: string;
let pemdiIndicator: Record<number, string>;
let ownEvidence: string;
let otherUnitEvidence: string;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  periodId = fixtures.home.periodId;
  const version = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, include: { nodes: { where: { kind: "INDICATOR" } } } });
  pemdiIndicator = Object.fromEntries(version.nodes.map((node) => [node.number!, node.id]));
  await db.assignment.deleteMany({ where: { periodId } });
  // I5 (SDI), I7 (IPS), I10 (IKASANDI) and I1 (no index) for unit a; I6 (SJIG) for unit b.
  await db.assessmentPeriod.update({
    where: { id: periodId },
    data: {
      frameworkVersionId: version.id,
      assignments: {
        create: [1, 5, 6, 7, 10].map((number) => ({ indicatorId: pemdiIndicator[number]!, unitId: fixtures.home.unitIds[number === 6 ? 1 : 0] })),
      },
    },
  });
  const [own, other] = await Promise.all(
    [0, 1].map((unit) =>
      db.evidence.create({ data: { instansiId: fixtures.home.instansiId, ownerUnitId: fixtures.home.unitIds[unit as 0 | 1], kind: "LINK", title: `Hasil Evaluasi SDI ${unit}`, url: "https://sdi.example.go.id/hasil" } }),
    ),
  );
  ownEvidence = own!.id;
  otherUnitEvidence = other!.id;
});

async function run(input: Record<string, unknown>, actor: Actor) {
  try {
    return asRead(await executeCommand(db, COMMANDS.saveExternalIndexValue, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const entry = (number: number, value: string, extra: Record<string, unknown> = {}) => ({
  periodId,
  indicatorId: pemdiIndicator[number],
  version: "0",
  value,
  year: "2025",
  evidenceId: ownEvidence,
  ...extra,
});

async function selfValueOf(number: number) {
  const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } });
  const scored = (await scorePeriodStages(db, [period], ["SELF"] as const)).get(periodId)!;
  const trail = scored.scores.SELF.trail.indicators.find((indicator) => indicator.number === number)!;
  return { value: trail.value, answered: scored.scores.SELF.answeredCount };
}

async function saveLevel(number: number, level: string) {
  const admin = await actorFor(fixtures, "ADMIN_OPD");
  await executeCommand(db, COMMANDS.saveAnswer, admin, requestContext, { periodId, indicatorId: pemdiIndicator[number], version: 0, level, explanation: "Penjelasan" });
}

describe("external national indices", () => {
  it("the two worked examples of the SDI module: 25 gives 2,00 and 68,75 gives 3,75 in the self-assessment", async () => {
    const admin = await actorFor(fixtures, "ADMIN_OPD");
    const first = await run(entry(5, "25"), admin);
    expect(first).not.toBeInstanceOf(AppError);
    expect((first as { message: string }).message).toBe("Nilai Indeks Satu Data Indonesia (SDI) 2025 disimpan untuk indikator 5.");
    expect(await selfValueOf(5)).toEqual({ value: "2", answered: 1 });

    const koordinator = await actorFor(fixtures, "KOORDINATOR");
    expect(await run(entry(5, "68,75", { version: "1" }), koordinator)).not.toBeInstanceOf(AppError);
    expect((await selfValueOf(5)).value).toBe("3.75");

    const audit = await db.auditLog.findMany({ where: { action: "external-index.save" }, orderBy: { id: "asc" } });
    expect(audit.map((row) => (row.after as { converted: string }).converted)).toEqual(["2", "3.75"]);
    expect(audit[1]!.before).toMatchObject({ value: "25", year: 2025 });
  });

  it("while no value is entered the indicator counts 1, whatever level the form holds; once entered, the conversion replaces it", async () => {
    await saveLevel(5, "4");
    expect(await selfValueOf(5)).toEqual({ value: null, answered: 0 });
    await run(entry(5, "68,75"), await actorFor(fixtures, "ADMIN_OPD"));
    expect(await selfValueOf(5)).toEqual({ value: "3.75", answered: 1 });
  });

  it("bands without documented values (IPS) and an index used as evidence (IKASANDI) keep the owner's level once a value is entered", async () => {
    const admin = await actorFor(fixtures, "ADMIN_OPD");
    await saveLevel(7, "2,5");
    await saveLevel(10, "3");
    expect((await selfValueOf(7)).value).toBe(null);
    expect((await selfValueOf(10)).value).toBe("3");
    expect(await run(entry(7, "2,7"), admin)).not.toBeInstanceOf(AppError);
    expect(await run(entry(10, "3,2"), admin)).not.toBeInstanceOf(AppError);
    expect((await selfValueOf(7)).value).toBe("2.5");
    expect((await selfValueOf(10)).value).toBe("3");
  });

  it("refuses every bad entry with a specific message and saves nothing", async () => {
    const admin = await actorFor(fixtures, "ADMIN_OPD");
    const nextYear = String(new Date().getUTCFullYear() + 2);
    const cases: [Record<string, unknown>, string, string][] = [
      [entry(5, "120"), "value", "Nilai 120 di luar skala Indeks Satu Data Indonesia (SDI) (0–100)."],
      [entry(5, "dua puluh"), "value", "Nilai indeks harus berupa angka, misalnya 68,75."],
      [entry(5, "68,75", { year: "" }), "year", "Isi tahun penilaian indeks."],
      [entry(5, "68,75", { year: nextYear }), "year", `Tahun ${nextYear} belum terjadi: indeks tahun depan belum ada.`],
      [entry(5, "68,75", { evidenceId: otherUnitEvidence }), "evidenceId", "Dokumen ini tidak ada di pustaka bukti yang dapat Anda pakai."],
      [entry(5, "68,75", { evidenceId: "tidak-ada" }), "evidenceId", "Dokumen ini tidak ada di pustaka bukti yang dapat Anda pakai."],
      [entry(1, "3"), "indicatorId", "Indikator 1 tidak diambil dari indeks nasional lain pada kerangka periode ini."],
    ];
    for (const [input, field, message] of cases) {
      const outcome = await run(input, admin);
      expect(outcome, message).toBeInstanceOf(AppError);
      const error = outcome as AppError;
      expect(error.status).toBe(400);
      expect(error.details.find((detail) => detail.field === field)?.message, message).toBe(message);
    }
    // Two problems at once are both named.
    const both = (await run(entry(5, "150", { year: nextYear }), admin)) as AppError;
    expect(both.details.map((detail) => detail.field).sort()).toEqual(["value", "year"]);
    expect(await db.externalIndexValue.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "external-index.save" } })).toBe(0);
  });

  it("the Koordinator may use any unit's document; an Admin OPD of another unit may not enter the indicator", async () => {
    const koordinator = await actorFor(fixtures, "KOORDINATOR");
    expect(await run(entry(5, "50", { evidenceId: otherUnitEvidence }), koordinator)).not.toBeInstanceOf(AppError);
    const admin = await actorFor(fixtures, "ADMIN_OPD");
    const refused = (await run(entry(6, "3"), admin)) as AppError;
    expect(refused.status).toBe(403);
    expect(await db.externalIndexValue.count()).toBe(1);
  });

  it("a stale version is a conflict, not a silent overwrite", async () => {
    const admin = await actorFor(fixtures, "ADMIN_OPD");
    await run(entry(5, "25"), admin);
    const stale = (await run(entry(5, "50"), admin)) as AppError;
    expect(stale.status).toBe(409);
    expect(stale.message).toBe("Nilai indeks indikator 5 telah diubah oleh pengguna lain sejak halaman ini dimuat. Tidak ada yang disimpan: muat ulang halaman.");
    expect((await db.externalIndexValue.findFirstOrThrow()).value.toString()).toBe("25");
  });

  it("is refused once the period is locked", async () => {
    await db.assessmentPeriod.update({ where: { id: periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    const outcome = (await run(entry(5, "25"), await actorFor(fixtures, "ADMIN_OPD"))) as AppError;
    expect(outcome.status).toBe(409);
    expect(await db.externalIndexValue.count()).toBe(0);
  });
});
