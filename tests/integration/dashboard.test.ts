// The dashboards' queries on the real database. Every number is checked against the index
// engine (scoreAssessment) run on the levels as stored; the superadmin view takes the same
// number of queries for two agencies as for eight.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getFramework } from "@/lib/framework/catalog";
import { PrismaClient, type AnswerStage, type AnswerStatus } from "@/lib/generated/prisma/client";
import { agenciesDashboard, ZAgencySort } from "@/lib/dashboard/agencies";
import { leadershipDashboard } from "@/lib/dashboard/leadership";
import { reviewDashboard } from "@/lib/dashboard/review";
import { unitWorkDashboard } from "@/lib/dashboard/unit-work";
import { Decimal, scoreAssessment } from "@/lib/scoring";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, type Fixtures } from "./fixtures";

const spbe = getFramework("spbe-2020")!;
let fixtures: Fixtures;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
});

type Row = { number: number; stage: AnswerStage; level: number; status?: AnswerStatus; submittedAt?: Date };

async function answer(periodId: string, rows: Row[]) {
  await db.answer.createMany({
    data: rows.map((row) => ({
      periodId,
      indicatorId: fixtures.framework.indicatorIds[row.number]!,
      stage: row.stage,
      level: String(row.level),
      status: row.status ?? (row.stage === "SELF" ? "SUBMITTED" : "VERIFIED"),
      submittedAt: row.submittedAt ?? null,
    })),
  });
}

/** The stored levels of one stage, read back from the database as the engine's input. */
async function storedValues(periodId: string, stage: AnswerStage, numbers?: number[]) {
  const rows = await db.answer.findMany({ where: { periodId, stage, level: { not: null } }, select: { level: true, indicator: { select: { number: true } } } });
  return Object.fromEntries(rows.filter((row) => !numbers || numbers.includes(row.indicator.number!)).map((row) => [String(row.indicator.number), row.level!.toString()]));
}

const engine = (values: Record<string, string>) => scoreAssessment(spbe, values);
const refused = async (load: Promise<unknown>) => {
  const outcome = await load.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
};

// Self levels for indicators 1-20 (1-3 belong to the Admin OPD's unit a), some verified
// (one lowered), and a recommendation with its own target level for the unanswered indicator 40.
async function fillHomePeriod() {
  const periodId = fixtures.home.periodId;
  await db.assessmentPeriod.update({ where: { id: periodId }, data: { targetIndex: "4", phase: "VERIFIKASI" } });
  const self: Row[] = Array.from({ length: 20 }, (_, index) => ({
    number: index + 1,
    stage: "SELF",
    level: (index % 4) + 1,
    status: index < 6 ? "VERIFIED" : index === 2 + 6 ? "NEEDS_REVISION" : index < 12 ? "SUBMITTED" : "DRAFT",
    submittedAt: new Date(Date.UTC(2026, 2, 1 + index, 3)),
  }));
  // Indicator 3 (unit a) is still a draft: open work for the Admin OPD.
  self[2]!.status = "DRAFT";
  await answer(periodId, self);
  await answer(periodId, [
    { number: 1, stage: "INTERNAL_VERIFICATION", level: 1 },
    { number: 2, stage: "INTERNAL_VERIFICATION", level: 1 },
    { number: 4, stage: "INTERNAL_VERIFICATION", level: 4 },
    { number: 5, stage: "INTERNAL_VERIFICATION", level: 1 },
    { number: 6, stage: "INTERNAL_VERIFICATION", level: 2 },
  ]);
  await db.recommendation.create({
    data: { periodId, indicatorId: fixtures.framework.indicatorIds[40]!, source: "INTERNAL", text: "Susun peta rencana.", targetLevel: "5", status: "OPEN" },
  });
  return periodId;
}

describe("leadership dashboard", () => {
  let pimpinan: Actor;
  beforeEach(async () => {
    pimpinan = await actorFor(fixtures, "PIMPINAN");
  });

  it("shows the engine's indices per stage and per domain and aspect for the stored levels", async () => {
    const periodId = await fillHomePeriod();
    const dashboard = (await leadershipDashboard(db, pimpinan))!;
    const self = engine(await storedValues(periodId, "SELF"));
    const verified = engine(await storedValues(periodId, "INTERNAL_VERIFICATION"));

    expect(dashboard.period).toMatchObject({ id: periodId, year: 2026, targetIndex: "4" });
    expect(dashboard.stages.SELF.indexExact).toBe(self.indexExact);
    expect(dashboard.stages.INTERNAL_VERIFICATION.indexExact).toBe(verified.indexExact);
    expect(dashboard.stages.FINAL).toBeUndefined();
    expect(dashboard.topKind).toBe("domain");
    expect(dashboard.topNodes.map((node) => [node.code, node.indices.SELF?.indexExact, node.indices.INTERNAL_VERIFICATION?.indexExact])).toEqual(
      self.nodes.filter((node) => node.kind === "domain").map((node) => [node.code, node.indexExact, verified.nodes.find((other) => other.code === node.code)!.indexExact]),
    );
    expect(dashboard.aspects.map((node) => [node.code, node.indices.SELF?.indexExact])).toEqual(
      self.nodes.filter((node) => node.kind === "aspect").map((node) => [node.code, node.indexExact]),
    );
  });

  it("ranks gaps by the index an indicator gains at its target, as the engine computes it", async () => {
    const periodId = await fillHomePeriod();
    const dashboard = (await leadershipDashboard(db, pimpinan))!;
    // The most authoritative level per indicator: verified where verified, else self; unanswered count 0.
    const best = { ...(await storedValues(periodId, "SELF")), ...(await storedValues(periodId, "INTERNAL_VERIFICATION")) };
    const current = engine(best);
    const expected = Array.from({ length: 47 }, (_, index) => String(index + 1))
      .map((number) => {
        const target = number === "40" ? "5" : "4";
        const level = best[number] ?? "0";
        const gain = Decimal.parse(level).gte(Decimal.parse(target))
          ? Decimal.ZERO
          : Decimal.parse(engine({ ...best, [number]: target }).indexExact).sub(Decimal.parse(current.indexExact));
        return { number: Number(number), gain };
      })
      .filter((gap) => !gap.gain.isZero())
      .sort((a, b) => b.gain.cmp(a.gain) || a.number - b.number)
      .slice(0, 10);

    expect(dashboard.gaps.map((gap) => [gap.number, gap.gain])).toEqual(expected.map((gap) => [gap.number, gap.gain.toString()]));
    expect(dashboard.gaps[0]).toMatchObject({ number: 40, level: null, levelStage: null, target: "5", targetSource: "recommendation" });
    expect(dashboard.gaps[1]).toMatchObject({ level: null, target: "4", targetSource: "period" });
  });

  it("draws the trend from official results and this portal's periods, with the national average of the same years", async () => {
    await fillHomePeriod();
    const earlier = await db.assessmentPeriod.create({
      data: { instansiId: fixtures.home.instansiId, year: 2024, frameworkVersionId: fixtures.framework.versionId, phase: "FINAL" },
    });
    await answer(earlier.id, [
      { number: 1, stage: "SELF", level: 5 },
      { number: 1, stage: "FINAL", level: 3, status: "RECORDED" },
      { number: 40, stage: "FINAL", level: 4, status: "RECORDED" },
    ]);
    await db.historicalResult.createMany({
      data: [2022, 2023, 2024].map((year) => ({ instansiId: fixtures.home.instansiId, year, frameworkCode: "spbe-2020", index: `2.${year - 2000}`, predicate: "Cukup" })),
    });
    const dashboard = (await leadershipDashboard(db, pimpinan))!;
    const self2026 = engine(await storedValues(fixtures.home.periodId, "SELF"));
    expect(dashboard.trend).toEqual([
      { year: 2022, index: "2.22", predicate: "Cukup", source: "OFFICIAL", series: "spbe", national: "2.34" },
      { year: 2023, index: "2.23", predicate: "Cukup", source: "OFFICIAL", series: "spbe", national: "2.79" },
      // The portal's own 2024 period replaces the recorded result of that year; its final stage counts.
      { year: 2024, index: engine({ 1: "3", 40: "4" }).indexExact, predicate: "Kurang", source: "FINAL", series: "spbe", national: "3.12" },
      // Verification covers 5 of 20 self-assessed indicators: the self index stands for 2026.
      { year: 2026, index: self2026.indexExact, predicate: self2026.predicate, source: "SELF", series: "spbe", national: null },
    ]);
  });

  it("draws SPBE years and Pemdi years as separate series, each with its own national average", async () => {
    await db.historicalResult.create({ data: { instansiId: fixtures.home.instansiId, year: 2024, frameworkCode: "spbe-2020", index: "2.5", predicate: "Cukup" } });
    const pemdi = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, orderBy: { version: "desc" } });
    // The home 2026 period (spbe-2020) is followed by a 2027 period on pemdi-2026 with nothing answered yet.
    await db.assessmentPeriod.create({ data: { instansiId: fixtures.home.instansiId, year: 2027, frameworkVersionId: pemdi.id } });
    const dashboard = (await leadershipDashboard(db, pimpinan))!;
    expect(dashboard.trend.map((point) => [point.year, point.series, point.index, point.national])).toEqual([
      [2024, "spbe", "2.5", "3.12"],
      [2026, "spbe", "0", null],
      // Unanswered pemdi indicators count the floor 1; no Pemdi national average is published yet.
      [2027, "pemdi", "1", null],
    ]);
  });

  it("lists completion per unit, least complete first", async () => {
    await fillHomePeriod();
    const dashboard = (await leadershipDashboard(db, pimpinan))!;
    // Unit a: indicators 1-3, two verified (submitted) and one draft; unit b: indicator 4, verified.
    expect(dashboard.units.map((unit) => [unit.unitId, unit.assigned, unit.submitted, unit.verified])).toEqual([
      [fixtures.home.unitIds[0], 3, 2, 2],
      [fixtures.home.unitIds[1], 1, 1, 1],
    ]);
  });

  it("is only for roles that read every answer, and only of their own agency", async () => {
    expect((await refused(leadershipDashboard(db, await actorFor(fixtures, "ADMIN_OPD")))).status).toBe(403);
    expect((await refused(leadershipDashboard(db, await actorFor(fixtures, "SUPERADMIN")))).status).toBe(403);
    await answer(fixtures.other.periodId, [{ number: 1, stage: "SELF", level: 5 }]);
    expect((await leadershipDashboard(db, pimpinan))!.stages.SELF.answeredCount).toBe(0);
  });
});

describe("Admin OPD dashboard", () => {
  it("shows their indicators and what their answers add to the index, as the engine computes it", async () => {
    const periodId = await fillHomePeriod();
    const opd = await actorFor(fixtures, "ADMIN_OPD");
    const dashboard = await unitWorkDashboard(db, opd, periodId);
    const mine = [1, 2, 3];

    expect(dashboard.indicators.map((indicator) => [indicator.number, indicator.status, indicator.verifiedLevel, indicator.isOpen])).toEqual([
      [3, "DRAFT", null, true],
      [1, "VERIFIED", "1", false],
      [2, "VERIFIED", "1", false],
    ]);
    expect(dashboard.counts).toEqual({ total: 3, open: 1, submitted: 0, verified: 2, revision: 0 });
    expect(dashboard.effect.selfPoints).toBe(engine(await storedValues(periodId, "SELF", mine)).indexExact);
    expect(dashboard.effect.verifiedPoints).toBe(engine(await storedValues(periodId, "INTERNAL_VERIFICATION", mine)).indexExact);
    expect(dashboard.effect.selfIndex).toBe(engine(await storedValues(periodId, "SELF")).indexExact);
    // The open indicator 3 (self level 3) raised to the period's target level 4.
    const self = await storedValues(periodId, "SELF");
    const raised = Decimal.parse(engine({ ...self, 3: "4" }).indexExact).sub(Decimal.parse(engine(self).indexExact));
    expect(dashboard.effect.openPotential).toBe(raised.toString());
    expect(dashboard.indicators[0]!.gain).toBe(raised.toString());
    // Indicator 2 was verified one level lower than self-assessed: the gap starts from the verified level.
    const best = { ...self, ...(await storedValues(periodId, "INTERNAL_VERIFICATION")) };
    expect(best[2]).toBe("1");
    const fromVerified = Decimal.parse(engine({ ...best, 2: "4" }).indexExact).sub(Decimal.parse(engine(best).indexExact));
    expect(dashboard.indicators.find((indicator) => indicator.number === 2)!.gain).toBe(fromVerified.toString());
  });

  it("is the Admin OPD's own, within their agency", async () => {
    expect((await refused(unitWorkDashboard(db, await actorFor(fixtures, "KOORDINATOR"), fixtures.home.periodId))).status).toBe(403);
    expect((await refused(unitWorkDashboard(db, await actorFor(fixtures, "ADMIN_OPD"), fixtures.other.periodId))).status).toBe(404);
  });
});

describe("Asesor dashboard", () => {
  it("measures the queue and its waiting times, and lists levels the verification changed", async () => {
    const periodId = await fillHomePeriod();
    const asesor = await actorFor(fixtures, "ASESOR");
    const now = new Date(Date.UTC(2026, 3, 1, 5));
    const dashboard = await reviewDashboard(db, asesor, periodId, now);
    // Indicators 7, 8, 10, 11, 12 are submitted (9 needs revision), submitted on 7-12 March.
    const waiting = [7, 8, 10, 11, 12].map((number) => 31 - number + 1);
    expect(dashboard.queueSize).toBe(5);
    expect(dashboard.oldestDays).toBe(Math.max(...waiting));
    expect(dashboard.medianDays).toBe([...waiting].sort((a, b) => a - b)[2]);
    expect(dashboard.oldest.map((item) => item.number)).toEqual([7, 8, 10, 11, 12]);
    expect(dashboard.verified).toBe(5);
    expect(dashboard.needsRevision).toBe(1);
    // Self levels 1,2,..: 2 -> 1, 5: 1 -> 1 (same), 6: 2 -> 2 (same), 4: 4 -> 4 (same).
    expect(dashboard.differences).toEqual([{ number: 2, name: expect.any(String), self: "2", verified: "1", delta: "-1" }]);
  });

  it("is the Asesor's, within their agency", async () => {
    expect((await refused(reviewDashboard(db, await actorFor(fixtures, "PIMPINAN"), fixtures.home.periodId))).status).toBe(403);
    expect((await refused(reviewDashboard(db, await actorFor(fixtures, "ASESOR"), fixtures.other.periodId))).status).toBe(404);
  });
});

describe("superadmin dashboard", () => {
  /** Agencies of `kind`, each with a period whose indicators 1..n are self-assessed at level 3. */
  async function addAgencies(count: number, kind: "KOTA" | "PROVINSI", from: number) {
    for (let index = from; index < from + count; index += 1) {
      const instansi = await db.instansi.create({ data: { code: `uji-${index}`, name: `Instansi Uji ${String(index).padStart(2, "0")}`, kind } });
      const period = await db.assessmentPeriod.create({ data: { instansiId: instansi.id, year: 2026, frameworkVersionId: fixtures.framework.versionId } });
      await answer(period.id, Array.from({ length: index + 1 }, (_, offset) => ({ number: offset + 1, stage: "SELF" as const, level: 3 })));
    }
  }

  it("lists every agency with the engine's index, sorted by the address's parameters", async () => {
    await addAgencies(3, "KOTA", 10);
    await db.instansi.create({ data: { code: "tanpa-periode", name: "Instansi Tanpa Periode", kind: "PROVINSI" } });
    const superadmin = await actorFor(fixtures, "SUPERADMIN");
    const byIndex = await agenciesDashboard(db, superadmin, ZAgencySort.parse({ urut: "mandiri", arah: "turun" }));
    const expectedSelf = (answered: number) => engine(Object.fromEntries(Array.from({ length: answered }, (_, offset) => [String(offset + 1), "3"]))).indexExact;

    expect(byIndex.rows.map((row) => [row.name, row.stages.SELF?.indexExact ?? null])).toEqual([
      ["Instansi Uji 12", expectedSelf(13)],
      ["Instansi Uji 11", expectedSelf(12)],
      ["Instansi Uji 10", expectedSelf(11)],
      // No answers yet: index 0 for both fixture agencies, then the agency without a period last.
      ["Instansi rumah", "0"],
      ["Instansi tetangga", "0"],
      ["Instansi Tanpa Periode", null],
    ]);
    const ascending = await agenciesDashboard(db, superadmin, ZAgencySort.parse({ urut: "mandiri", arah: "naik" }));
    expect(ascending.rows.map((row) => row.name)).toEqual(["Instansi rumah", "Instansi tetangga", "Instansi Uji 10", "Instansi Uji 11", "Instansi Uji 12", "Instansi Tanpa Periode"]);
    const unknown = await agenciesDashboard(db, superadmin, ZAgencySort.parse({ urut: "DROP TABLE", arah: ["x"] }));
    expect(unknown.rows.map((row) => row.name)[0]).toBe("Instansi rumah");

    // Every period here is on spbe-2020: one group, with the SPBE national averages of 2024.
    expect(byIndex.frameworks.map((group) => [group.framework.code, group.agencies, group.nationalYear])).toEqual([["spbe-2020", 5, 2024]]);
    const spbe = byIndex.frameworks[0]!;
    const kota = spbe.comparison.find((row) => row.kind === "KOTA")!;
    const values = [11, 12, 13].map((answered) => Decimal.parse(expectedSelf(answered)));
    expect(kota).toEqual({
      kind: "KOTA",
      count: 3,
      stats: {
        min: values[0]!.toString(),
        q1: values[0]!.add(values[1]!).div(Decimal.fromInteger(2)).toString(),
        median: values[1]!.toString(),
        q3: values[1]!.add(values[2]!).div(Decimal.fromInteger(2)).toString(),
        max: values[2]!.toString(),
      },
      national: "3.39",
    });
    expect(spbe.comparison.find((row) => row.kind === "PROVINSI")).toMatchObject({ count: 0, stats: null });
    expect(byIndex.withoutPeriod).toBe(1);
    expect(spbe.distribution.reduce((sum, bin) => sum + bin.count, 0)).toBe(5);
    expect(spbe.distribution[0]).toEqual({ from: "0", to: "0.5", count: 2 + values.filter((value) => value.lt(Decimal.parse("0.5"))).length });
  });

  it("never pools SPBE and Pemdi indices: one distribution and comparison per framework version", async () => {
    const pemdi = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, orderBy: { version: "desc" } });
    const instansi = await db.instansi.create({ data: { code: "uji-pemdi", name: "Instansi Pemdi", kind: "KOTA" } });
    await db.assessmentPeriod.create({ data: { instansiId: instansi.id, year: 2027, frameworkVersionId: pemdi.id } });
    const dashboard = await agenciesDashboard(db, await actorFor(fixtures, "SUPERADMIN"), ZAgencySort.parse({}));
    expect(dashboard.frameworks.map((group) => [group.framework.code, group.framework.wording, group.agencies, group.nationalYear])).toEqual([
      ["pemdi-2026", "pemdi", 1, null],
      ["spbe-2020", "spbe", 2, 2024],
    ]);
    const pemdiKota = dashboard.frameworks[0]!.comparison.find((row) => row.kind === "KOTA")!;
    expect(pemdiKota).toMatchObject({ count: 1, stats: { median: "1" }, national: null });
    expect(dashboard.frameworks[1]!.comparison.find((row) => row.kind === "KOTA")).toMatchObject({ count: 0, national: "3.39" });
  });

  it("takes the same number of queries for two agencies as for eight", async () => {
    const superadmin = await actorFor(fixtures, "SUPERADMIN");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    client.$on("query", () => {
      queries += 1;
    });
    const count = async () => {
      queries = 0;
      const dashboard = await agenciesDashboard(client, superadmin, ZAgencySort.parse({}));
      return { queries, agencies: dashboard.rows.length };
    };
    try {
      await count(); // the framework versions are in memory from now on, for both counts
      const two = await count();
      await addAgencies(6, "PROVINSI", 20);
      const eight = await count();
      expect([two.agencies, eight.agencies]).toEqual([2, 8]);
      expect(two.queries).toBeGreaterThan(0);
      expect(eight.queries).toBe(two.queries);
    } finally {
      await client.$disconnect();
    }
  });

  it("is the superadmin's only", async () => {
    for (const role of ["KOORDINATOR", "PIMPINAN"] as const) {
      expect((await refused(agenciesDashboard(db, await actorFor(fixtures, role), ZAgencySort.parse({})))).status).toBe(403);
    }
  });
});
