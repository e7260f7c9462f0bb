// Moving a period to a newer version of its framework on the real database: every record
// follows its indicator by code (never by number), plans on removed indicators are let go
// as the preview says, and every refusal (phase, framework, version order, removed work,
// levels out of the new scale, a stale version) changes nothing.
import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { periodResults } from "@/lib/assessment/period-results";
import { PERIOD_INDICATOR_TABLES, planVersionMove, planRefusal, versionMoveOffer } from "@/lib/assessment/version-move";
import { getFramework } from "@/lib/framework/catalog";
import { isIndicatorNode, type FrameworkDefinition, type FrameworkNode, type IndicatorNode } from "@/lib/framework/schema";
import { getFrameworkVersion, importFrameworkVersion } from "@/lib/framework-versions/store";
import type { Actor } from "@/lib/policy";
import { render } from "@/lib/i18n/render";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, loadedPeriod, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;
let koordinator: Actor;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  koordinator = await actorFor(fixtures, "KOORDINATOR");
});

async function run(input: Record<string, unknown>, actor: Actor = koordinator) {
  try {
    return asRead(await executeCommand(db, COMMANDS.movePeriodVersion, actor, requestContext, input));
  } catch (error) {
    if (error instanceof AppError) return asRead(error);
    throw error;
  }
}

const REASON = "Salinan resmi terbit; Superadmin mengoreksi kerangka.";

const mapIndicators = (framework: FrameworkDefinition, change: (node: IndicatorNode) => FrameworkNode | null): FrameworkDefinition => {
  const visit = (nodes: readonly FrameworkNode[]): FrameworkNode[] =>
    nodes.flatMap((node) => {
      if (isIndicatorNode(node)) {
        const changed = change(node);
        return changed ? [changed] : [];
      }
      return [{ ...node, children: visit(node.children) }];
    });
  return { ...framework, nodes: visit(framework.nodes) };
};

/**
 * spbe-2020 version 2: numbers reversed (48 - n), I47 removed (its weight given to I46,
 * so the weights still sum to 100), I2 renamed.
 */
async function revisedSpbe() {
  const spbe = getFramework("spbe-2020")!;
  const revision = mapIndicators(spbe, (node) => {
    if (node.code === "I47") return null;
    return { ...node, number: 48 - node.number, name: node.code === "I2" ? `${node.name} (revisi)` : node.name };
  });
  return importFrameworkVersion(db, withWeightMoved(revision, spbe), { notes: "revisi uji" });
}

/** Gives I47's weight to I46 (same parent), keeping sums valid after removing I47. */
function withWeightMoved(revision: FrameworkDefinition, original: FrameworkDefinition): FrameworkDefinition {
  let removedWeight = "0";
  const find = (nodes: readonly FrameworkNode[]) => {
    for (const node of nodes) {
      if (isIndicatorNode(node) && node.code === "I47") removedWeight = node.weight;
      else if (!isIndicatorNode(node)) find(node.children);
    }
  };
  find(original.nodes);
  return mapIndicators(revision, (node) => (node.code === "I46" ? { ...node, weight: (Number(node.weight) + Number(removedWeight)).toFixed(2) } : node));
}

const nodeOf = (versionId: string, code: string) => db.frameworkNode.findUniqueOrThrow({ where: { versionId_code: { versionId, code } } });

describe("moving a period to a newer version of its framework", () => {
  it("keeps every record with its indicator by code, lets plans on a removed indicator go, and records the reason", async () => {
    const { home, framework } = fixtures;
    const v2 = await revisedSpbe();
    expect(v2.version).toBe(2);
    const i47 = await nodeOf(framework.versionId, "I47");
    await db.assignment.create({ data: { periodId: home.periodId, indicatorId: i47.id, unitId: home.unitIds[1] } });
    const answer = await db.answer.create({
      data: { periodId: home.periodId, indicatorId: framework.indicatorIds[1]!, stage: "SELF", level: "3", explanation: "Fakta dan analisis.", status: "SUBMITTED", version: 4 },
    });
    await db.answer.create({ data: { periodId: home.periodId, indicatorId: framework.indicatorIds[2]!, stage: "SELF", level: "2", status: "DRAFT" } });
    await db.comment.create({ data: { periodId: home.periodId, indicatorId: framework.indicatorIds[2]!, authorId: home.userIds.ASESOR, body: "Lengkapi bukti." } });
    await db.recommendation.create({ data: { periodId: home.periodId, indicatorId: framework.indicatorIds[3]!, source: "INTERNAL", text: "Susun peta rencana.", targetLevel: "3" } });

    const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: home.periodId } });
    const offer = await versionMoveOffer(db, period);
    expect(offer!.refusal).toBeNull();
    expect(offer!.plan).toMatchObject({
      from: { version: 1 },
      to: { version: 2 },
      kept: { Answer: 2, Assignment: 4, Comment: 1, Recommendation: 1, Objection: 0, EvidenceCandidate: 0 },
      blocking: [],
      outOfScale: [],
      dropped: [{ code: "I47", assignments: 1, candidates: 0, deadlines: 0 }],
    });
    expect(offer!.plan.diff.removed.map((item) => item.code)).toEqual(["I47"]);
    expect(offer!.plan.diff.renamed.map((item) => item.code)).toEqual(["I2"]);

    const result = await run({ periodId: home.periodId, version: "1", frameworkVersionId: v2.id, reason: REASON });
    expect(result).toMatchObject({ message: "Periode 2026 kini memakai Indeks SPBE (PermenPANRB 59/2020) versi 2; 2 jawaban tetap pada indikatornya." });

    const moved = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: home.periodId } });
    expect(moved).toMatchObject({ frameworkVersionId: v2.id, version: 2, phase: "PENGISIAN" });
    const answers = await db.answer.findMany({ where: { periodId: home.periodId }, include: { indicator: true }, orderBy: { indicator: { code: "asc" } } });
    expect(answers.map((row) => [row.indicator.code, row.indicator.number, row.indicator.versionId, row.level?.toString(), row.status])).toEqual([
      ["I1", 47, v2.id, "3", "SUBMITTED"],
      ["I2", 46, v2.id, "2", "DRAFT"],
    ]);
    // An open form on the old version meets a new answer version.
    expect(answers.find((row) => row.id === answer.id)!.version).toBe(5);
    const assignments = await db.assignment.findMany({ where: { periodId: home.periodId }, include: { indicator: true } });
    expect(assignments.map((row) => row.indicator.code).sort()).toEqual(["I1", "I2", "I3", "I4"]);
    expect(assignments.every((row) => row.indicator.versionId === v2.id)).toBe(true);
    expect((await db.comment.findFirstOrThrow({ where: { periodId: home.periodId }, include: { indicator: true } })).indicator).toMatchObject({ code: "I2", versionId: v2.id });
    expect((await db.recommendation.findFirstOrThrow({ where: { periodId: home.periodId }, include: { indicator: true } })).indicator).toMatchObject({ code: "I3", versionId: v2.id });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "period.change-version" } });
    expect(audit).toMatchObject({ entityId: home.periodId, instansiId: home.instansiId, actorId: koordinator.userId });
    expect(audit.before).toMatchObject({ frameworkVersionId: framework.versionId, frameworkVersion: 1, version: 1 });
    expect(audit.after).toMatchObject({ frameworkVersionId: v2.id, frameworkVersion: 2, reason: REASON, moved: { Answer: 2, Assignment: 4, Comment: 1, Recommendation: 1 }, dropped: { assignments: 1, candidates: 0, deadlines: 0 } });

    // The results are computed on the new version: I1 answered with 3, now indicator 47.
    const results = await periodResults(db, await loadedPeriod(fixtures, home.periodId));
    expect(results!.total.indicators).toBe(46);
    expect(results!.stages[0]!.score.answeredCount).toBe(2);

    // No newer version is left to offer.
    expect(await versionMoveOffer(db, moved)).toBeNull();
  });

  it("refuses a version that no longer has an indicator holding an answer, listing it, and changes nothing", async () => {
    const { home, framework } = fixtures;
    const v2 = await revisedSpbe();
    const i47 = await nodeOf(framework.versionId, "I47");
    await db.answer.create({ data: { periodId: home.periodId, indicatorId: i47.id, stage: "SELF", level: "2", status: "DRAFT" } });
    await db.answer.create({ data: { periodId: home.periodId, indicatorId: framework.indicatorIds[1]!, stage: "SELF", level: "3", status: "DRAFT" } });

    const period = await db.assessmentPeriod.findUniqueOrThrow({ where: { id: home.periodId } });
    const plan = await planVersionMove(db, period, (await getFrameworkVersion(db, framework.versionId))!, (await getFrameworkVersion(db, v2.id))!);
    const expected = `Versi 2 tidak lagi memuat indikator yang sudah berisi jawaban, komentar, rekomendasi, atau sanggahan di periode ini: I47 ${i47.name}. Periode tidak dipindah.`;
    expect(render(planRefusal(plan)!)).toBe(expected);

    const refused = await run({ periodId: home.periodId, version: "1", frameworkVersionId: v2.id, reason: REASON });
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(409);
    expect((refused as AppError).message).toBe(expected);
    expect(await db.assessmentPeriod.findUniqueOrThrow({ where: { id: home.periodId } })).toMatchObject({ frameworkVersionId: framework.versionId, version: 1 });
    const answers = await db.answer.findMany({ where: { periodId: home.periodId }, include: { indicator: true } });
    expect(answers.every((row) => row.indicator.versionId === framework.versionId && row.version === 1)).toBe(true);
    expect(await db.assignment.count({ where: { periodId: home.periodId, indicator: { versionId: framework.versionId } } })).toBe(4);
    expect(await db.auditLog.count({ where: { action: "period.change-version" } })).toBe(0);
  });

  it("refuses a level the new version's scale no longer allows", async () => {
    const { home } = fixtures;
    const pemdi = (await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } } })).id;
    const period = await db.assessmentPeriod.create({ data: { instansiId: home.instansiId, year: 2027, frameworkVersionId: pemdi, phase: "PENGISIAN" } });
    const i5 = await nodeOf(pemdi, "I5");
    await db.answer.create({ data: { periodId: period.id, indicatorId: i5.id, stage: "SELF", level: "2.75", status: "DRAFT" } });
    const pemdiDefinition = getFramework("pemdi-2026")!;
    const wholeLevels = await importFrameworkVersion(db, { ...pemdiDefinition, valueScale: { ...pemdiDefinition.valueScale, integer: true } }, { notes: "skala bulat uji" });

    const refused = await run({ periodId: period.id, version: "1", frameworkVersionId: wholeLevels.id, reason: REASON });
    expect((refused as AppError).message).toBe(`Tingkat berikut berada di luar skala versi 2: I5 ${i5.name} (2,75). Periode tidak dipindah.`);
    expect(await db.assessmentPeriod.findUniqueOrThrow({ where: { id: period.id } })).toMatchObject({ frameworkVersionId: pemdi, version: 1 });
  });

  it("refuses a version whose indicator no longer has a butir holding a status in the period", async () => {
    const { home } = fixtures;
    const pemdi = (await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } } })).id;
    const period = await db.assessmentPeriod.create({ data: { instansiId: home.instansiId, year: 2027, frameworkVersionId: pemdi, phase: "PENGISIAN" } });
    const i5 = await nodeOf(pemdi, "I5");
    await db.butirStatusRound.create({
      data: { periodId: period.id, indicatorId: i5.id, stage: "INTERNAL_VERIFICATION", round: 1, statuses: { create: [{ butirCode: "I5-L2-01", status: "diterima" }] } },
    });
    // Version 2 drops the butir of I5's level 2.
    const withoutButir = mapIndicators(getFramework("pemdi-2026")!, (node) =>
      node.code === "I5" ? { ...node, levels: node.levels?.map((level) => (level.level === 2 ? { ...level, butir: [] } : level)) } : node,
    );
    const v2 = await importFrameworkVersion(db, withoutButir, { notes: "butir dihapus uji" });

    const refused = await run({ periodId: period.id, version: "1", frameworkVersionId: v2.id, reason: REASON });
    expect((refused as AppError).message).toBe(`Butir berikut sudah berisi bukti atau status di periode ini tetapi tidak ada di versi 2: I5 ${i5.name} (I5-L2-01). Periode tidak dipindah.`);
    expect(await db.butirStatusRound.count({ where: { periodId: period.id, indicatorId: i5.id } })).toBe(1);
  });

  it("refuses the verification and final phases, another framework, an older or the same version, and a stale period version", async () => {
    const { home, framework } = fixtures;
    const v2 = await revisedSpbe();
    const pemdi = (await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } } })).id;
    const attempt = async (overrides: Record<string, unknown>) => {
      const outcome = await run({ periodId: home.periodId, version: "1", frameworkVersionId: v2.id, reason: REASON, ...overrides });
      expect(outcome).toBeInstanceOf(AppError);
      return (outcome as AppError).message;
    };

    expect(await attempt({ frameworkVersionId: pemdi })).toBe(
      "Indeks Pemerintah Digital (PermenPANRB 8/2026) adalah kerangka lain, bukan versi baru dari Indeks SPBE (PermenPANRB 59/2020). Periode tidak dapat dipindah antarkerangka; buka periode tahun berikutnya dengan bawaan dari periode sebelumnya.",
    );
    expect(await attempt({ frameworkVersionId: framework.versionId })).toBe("Periode ini sudah memakai Indeks SPBE (PermenPANRB 59/2020) versi 1.");
    expect(await attempt({ version: "7" })).toBe("Periode telah diubah oleh pengguna lain. Muat ulang halaman.");
    const short = await run({ periodId: home.periodId, version: "1", frameworkVersionId: v2.id, reason: "singkat" });
    expect((short as AppError).details.map((detail) => [detail.field, detail.message])).toEqual([["reason", "Tuliskan alasan pemindahan, 10 sampai 1.000 karakter."]]);

    await db.assessmentPeriod.update({ where: { id: home.periodId }, data: { phase: "VERIFIKASI" } });
    expect(await attempt({})).toBe(
      "Periode 2026 sudah pada tahap Verifikasi: versi kerangka hanya dapat diganti pada tahap Persiapan atau Pengisian, sebelum verifikasi menilai terhadap kriteria versi yang dipakai.",
    );
    await db.assessmentPeriod.update({ where: { id: home.periodId }, data: { phase: "FINAL", lockedAt: new Date() } });
    expect(await attempt({})).toBe("Periode 2026 sudah final dan terkunci: versi kerangkanya tidak dapat diganti.");

    // Moved to version 2, the period cannot go back to version 1.
    await db.assessmentPeriod.update({ where: { id: home.periodId }, data: { phase: "PERSIAPAN", lockedAt: null } });
    await db.assignment.deleteMany({ where: { periodId: home.periodId } });
    expect(await run({ periodId: home.periodId, version: "1", frameworkVersionId: v2.id, reason: REASON })).not.toBeInstanceOf(AppError);
    expect(await attempt({ version: "2", frameworkVersionId: framework.versionId })).toBe(
      "Versi 1 lebih lama dari versi 2 yang dipakai periode ini; periode hanya dapat dipindah ke versi yang lebih baru.",
    );
    expect(await db.auditLog.count({ where: { action: "period.change-version" } })).toBe(1);
  });

  it("another agency's period answers as missing", async () => {
    const v2 = await revisedSpbe();
    const refused = await run({ periodId: fixtures.other.periodId, version: "1", frameworkVersionId: v2.id, reason: REASON });
    expect((refused as AppError).status).toBe(404);
  });
});

describe("tables the move carries", () => {
  it("names every model that belongs to a period and points at an indicator", () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
      .filter(([, , body]) => /^\s+periodId\s+String/m.test(body!) && /^\s+indicator\s+FrameworkNode\b/m.test(body!))
      .map(([, name]) => name);
    expect(models.sort()).toEqual([...PERIOD_INDICATOR_TABLES].sort());
  });
});
