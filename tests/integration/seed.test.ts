// The demo seed and the framework store against a real, migrated database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { getFramework } from "@/lib/framework/catalog";
import { getLatestFrameworkVersion, importFrameworkVersion, listLatestFrameworkVersions } from "@/lib/framework-versions/store";
import { Decimal } from "@/lib/decimal";
import { scoreAssessment } from "@/lib/scoring/score";
import { DEMO_ACCOUNTS, DEMO_INSTANSI, DEMO_PASSWORD, seedDemoAgencyCopy, seedDemoData, type SeedSummary } from "@/prisma/seed";
import { resetDatabase } from "./db-reset";

const ROLES = ["SUPERADMIN", "KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"] as const;
const silent = { log: () => {} };

let summary: SeedSummary;

beforeAll(async () => {
  await resetDatabase();
  summary = await seedDemoData(db, silent);
});

afterAll(async () => {
  await db.$disconnect();
});

async function countRows(): Promise<Record<string, number>> {
  const [instansi, units, users, memberships, periods, assignments, assignees, answers, rounds, levelChanges, evidence, answerEvidence, history, frameworks, versions, nodes, bands] =
    await Promise.all([
      db.instansi.count(),
      db.unit.count(),
      db.user.count(),
      db.membership.count(),
      db.assessmentPeriod.count(),
      db.assignment.count(),
      db.assignmentAssignee.count(),
      db.answer.count(),
      db.verificationRound.count(),
      db.levelChange.count(),
      db.evidence.count(),
      db.answerEvidence.count(),
      db.historicalResult.count(),
      db.framework.count(),
      db.frameworkVersion.count(),
      db.frameworkNode.count(),
      db.predicateBand.count(),
    ]);
  return { instansi, units, users, memberships, periods, assignments, assignees, answers, rounds, levelChanges, evidence, answerEvidence, history, frameworks, versions, nodes, bands };
}

async function selfScore(instansiCode: string) {
  const period = await db.assessmentPeriod.findFirstOrThrow({
    where: { instansi: { code: instansiCode }, year: 2025 },
    select: { frameworkVersionId: true, answers: { where: { stage: "SELF" }, select: { level: true, indicator: { select: { number: true } } } } },
  });
  const stored = await getLatestFrameworkVersion(db, "spbe-2020");
  expect(stored?.id).toBe(period.frameworkVersionId);
  const values = Object.fromEntries(period.answers.map((answer) => [String(answer.indicator.number), answer.level?.toString() ?? null]));
  return scoreAssessment(stored!.definition, values, { predicateBasis: "exact" });
}

describe("seedDemoData", () => {
  it("creates the two demo agencies, each with at least 8 units", async () => {
    expect(summary.isCreated).toBe(true);
    const agencies = await db.instansi.findMany({
      where: { isDemo: true },
      select: { code: true, _count: { select: { units: true } } },
      orderBy: { code: "asc" },
    });
    expect(agencies.map((agency) => agency.code)).toEqual(DEMO_INSTANSI.map((agency) => agency.code).sort());
    for (const agency of agencies) expect(agency._count.units).toBeGreaterThanOrEqual(8);
  });

  it("has an account for every role, in every agency, signing in with the demo password", async () => {
    const memberships = await db.membership.findMany({
      select: { role: true, unitId: true, instansi: { select: { code: true } }, user: { select: { email: true, passwordHash: true } } },
    });
    expect(new Set(memberships.map((membership) => membership.role))).toEqual(new Set(ROLES));
    for (const agency of DEMO_INSTANSI) {
      const roles = new Set(memberships.filter((membership) => membership.instansi?.code === agency.code).map((membership) => membership.role));
      expect(roles).toEqual(new Set(ROLES.filter((role) => role !== "SUPERADMIN")));
    }
    for (const membership of memberships) expect(membership.unitId !== null).toBe(membership.role === "ADMIN_OPD");
    expect(memberships.map((membership) => membership.user.email).sort()).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());

    const koordinator = memberships.find((membership) => membership.user.email === "koordinator@sukamaju.spbe.demo");
    expect(koordinator?.user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(koordinator!.user.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(koordinator!.user.passwordHash!, "salah")).toBe(false);
  });

  it("assigns every indicator of each current period to at least one unit of the same agency", async () => {
    const periods = await db.assessmentPeriod.findMany({
      where: { instansi: { isDemo: true } },
      select: { id: true, instansiId: true, phase: true, frameworkVersionId: true },
    });
    expect(periods).toHaveLength(2);
    for (const period of periods) {
      expect(period.phase).toBe("VERIFIKASI");
      const indicators = await db.frameworkNode.findMany({
        where: { versionId: period.frameworkVersionId, kind: "INDICATOR" },
        select: { id: true, assignments: { where: { periodId: period.id }, select: { unit: { select: { instansiId: true } } } } },
      });
      expect(indicators).toHaveLength(47);
      for (const indicator of indicators) {
        expect(indicator.assignments.length).toBeGreaterThanOrEqual(1);
        for (const assignment of indicator.assignments) expect(assignment.unit.instansiId).toBe(period.instansiId);
      }
    }
  });

  it("produces answers in every state and two clearly different self indices", async () => {
    const sukamaju = await selfScore("kab-sukamaju");
    const tirtamulya = await selfScore("kota-tirtamulya");
    expect(sukamaju.index).toBeGreaterThan(2.9);
    expect(sukamaju.index).toBeLessThan(3.3);
    expect(tirtamulya.index).toBeGreaterThan(2.2);
    expect(tirtamulya.index).toBeLessThan(2.6);
    expect(sukamaju.completeness).toBeLessThan(1);
    expect(summary.instansi.map((item) => item.selfIndex)).toEqual([sukamaju.index.toFixed(2), tirtamulya.index.toFixed(2)]);

    const statuses = await db.answer.groupBy({ by: ["stage", "status"], _count: true });
    const selfStatuses = new Set(statuses.filter((row) => row.stage === "SELF").map((row) => row.status));
    expect(selfStatuses).toEqual(new Set(["DRAFT", "SUBMITTED", "NEEDS_REVISION", "VERIFIED"]));

    const verified = await db.answer.findMany({
      where: { stage: "SELF", status: "VERIFIED" },
      select: { periodId: true, indicatorId: true, reviews: { orderBy: { round: "desc" }, take: 1, select: { decision: true, verifiedLevel: true } } },
    });
    expect(verified.length).toBeGreaterThan(0);
    for (const answer of verified) {
      const internal = await db.answer.findUnique({
        where: { periodId_indicatorId_stage: { periodId: answer.periodId, indicatorId: answer.indicatorId, stage: "INTERNAL_VERIFICATION" } },
        select: { level: true, status: true },
      });
      expect(internal?.status).toBe("VERIFIED");
      expect(answer.reviews[0]?.decision).toBe("VERIFIED");
      expect(answer.reviews[0]?.verifiedLevel?.toString()).toBe(internal?.level?.toString());
    }
    const needsRevision = await db.answer.findMany({ where: { stage: "SELF", status: "NEEDS_REVISION" }, select: { reviews: true } });
    for (const answer of needsRevision) expect(answer.reviews.at(-1)?.decision).toBe("NEEDS_REVISION");
  });

  it("records a rising history whose predicates follow the framework's bands", async () => {
    const framework = getFramework("spbe-2020")!;
    for (const agency of DEMO_INSTANSI) {
      const results = await db.historicalResult.findMany({ where: { instansi: { code: agency.code } }, orderBy: { year: "asc" } });
      expect(results.map((result) => result.year)).toEqual([2021, 2022, 2023, 2024]);
      const indices = results.map((result) => Number(result.index.toString()));
      expect([...indices].sort((a, b) => a - b)).toEqual(indices);
      for (const result of results) {
        // Independent of the engine: lower bound inclusive, upper exclusive unless maxInclusive.
        const index = Decimal.parse(result.index.toString());
        const band = framework.predicates.find(
          (candidate) =>
            index.gte(Decimal.parse(candidate.min)) &&
            (candidate.maxInclusive ? index.lte(Decimal.parse(candidate.max)) : index.lt(Decimal.parse(candidate.max))),
        );
        expect(result.predicate).toBe(band?.name);
        expect(Object.keys(result.nodeIndices as Record<string, string>)).toEqual(["D1", "D2", "D3", "D4"]);
      }
    }
  });

  it("attaches linked documents to answers of the same agency", async () => {
    const links = await db.answerEvidence.findMany({
      select: { evidence: { select: { kind: true, url: true, instansiId: true } }, answer: { select: { period: { select: { instansiId: true } } } } },
    });
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.evidence.kind).toBe("LINK");
      expect(link.evidence.url).toMatch(/^https:\/\//);
      expect(link.evidence.instansiId).toBe(link.answer.period.instansiId);
    }
  });

  it("adds nothing when run again", async () => {
    const before = await countRows();
    const second = await seedDemoData(db, silent);
    expect(second.isCreated).toBe(false);
    expect(await countRows()).toEqual(before);
  });
});

describe("seedDemoAgencyCopy (the end-to-end fixtures' agency)", () => {
  it("writes an agency of its own with the template's units, people by role, answers and index, under its own code and emails", async () => {
    const copy = await seedDemoAgencyCopy(db, { template: "kab-sukamaju", code: "kab-sukamaju-uji", name: "Pemerintah Kabupaten Sukamaju uji", host: "sukamaju-uji" });
    const original = await db.instansi.findUniqueOrThrow({ where: { code: "kab-sukamaju" }, select: { id: true, _count: { select: { units: true } } } });
    const agency = await db.instansi.findUniqueOrThrow({ where: { code: "kab-sukamaju-uji" }, select: { id: true, name: true, _count: { select: { units: true } } } });
    expect(agency).toMatchObject({ id: copy.instansiId, name: "Pemerintah Kabupaten Sukamaju uji", _count: { units: original._count.units } });

    const people = await db.membership.findMany({ where: { instansiId: copy.instansiId }, select: { role: true, user: { select: { email: true } } } });
    expect(people.map((person) => person.user.email).sort()).toEqual(copy.accounts.map((account) => account.email).sort());
    expect(copy.accounts.map((account) => account.email)).toContain("koordinator@sukamaju-uji.spbe.demo");
    expect(new Set(people.map((person) => person.role))).toEqual(new Set(ROLES.filter((role) => role !== "SUPERADMIN")));

    expect((await selfScore("kab-sukamaju-uji")).indexExact).toBe((await selfScore("kab-sukamaju")).indexExact);
    const statusesOf = async (instansiId: string) =>
      (await db.answer.findMany({ where: { period: { instansiId } }, select: { stage: true, status: true, indicator: { select: { number: true } } } }))
        .map((answer) => `${answer.indicator.number}/${answer.stage}/${answer.status}`)
        .sort();
    expect(await statusesOf(copy.instansiId)).toEqual(await statusesOf(original.id));
    // Nothing of the copy points into another agency.
    const links = await db.answerEvidence.findMany({ where: { answer: { periodId: copy.periodId } }, select: { evidence: { select: { instansiId: true } } } });
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.evidence.instansiId).toBe(copy.instansiId);
  });
});

describe("framework store", () => {
  it("stores the spbe-2020 tree: 4 domains, 8 aspects, 47 indicators weighing 100 in total", async () => {
    const stored = await getLatestFrameworkVersion(db, "spbe-2020");
    expect(stored).not.toBeNull();
    const nodes = await db.frameworkNode.findMany({
      where: { versionId: stored!.id },
      select: { id: true, kind: true, parentId: true, weight: true, number: true, criteria: true },
    });
    const byKind = (kind: string) => nodes.filter((node) => node.kind === kind);
    expect(byKind("DOMAIN")).toHaveLength(4);
    expect(byKind("ASPECT")).toHaveLength(8);
    const indicators = byKind("INDICATOR");
    expect(indicators).toHaveLength(47);
    expect(indicators.map((node) => node.number).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    const total = indicators.reduce((sum, node) => sum.add(Decimal.parse(node.weight.toString())), Decimal.ZERO);
    expect(total.toString()).toBe("100");
    const aspectIds = new Set(byKind("ASPECT").map((node) => node.id));
    for (const indicator of indicators) {
      expect(aspectIds.has(indicator.parentId ?? "")).toBe(true);
      expect(Object.keys(indicator.criteria as Record<string, string>)).toEqual(["1", "2", "3", "4", "5"]);
    }
    expect(await db.predicateBand.count({ where: { versionId: stored!.id } })).toBe(5);
  });

  it("stores pemdi-2026 as provisional, with aspects at the top", async () => {
    const latest = await listLatestFrameworkVersions(db);
    expect(latest.map((version) => version.code)).toEqual(["pemdi-2026", "spbe-2020"]);
    const pemdi = latest.find((version) => version.code === "pemdi-2026")!;
    expect((await db.framework.findUniqueOrThrow({ where: { code: "pemdi-2026" } })).status).toBe("PROVISIONAL");
    const top = await db.frameworkNode.findMany({ where: { versionId: pemdi.id, parentId: null }, select: { kind: true } });
    expect(top).toHaveLength(7);
    expect(new Set(top.map((node) => node.kind))).toEqual(new Set(["ASPECT"]));
    expect(await db.frameworkNode.count({ where: { versionId: pemdi.id, kind: "INDICATOR" } })).toBe(20);
  });

  it("returns the same version when the same framework is imported twice", async () => {
    const framework = getFramework("spbe-2020")!;
    const first = await importFrameworkVersion(db, framework);
    const second = await importFrameworkVersion(db, framework);
    expect(second.id).toBe(first.id);
    expect(second.isNew).toBe(false);
    expect(first.id).toBe((await getLatestFrameworkVersion(db, "spbe-2020"))?.id);
  });

  it("imports a changed definition as a new version and leaves the old one untouched", async () => {
    const original = await getLatestFrameworkVersion(db, "spbe-2020");
    const before = await db.frameworkVersion.findUniqueOrThrow({ where: { id: original!.id } });
    const nodesBefore = await db.frameworkNode.count({ where: { versionId: original!.id } });

    const revised = await importFrameworkVersion(db, { ...getFramework("spbe-2020")!, statusNote: "Koreksi uji" }, { notes: "uji" });
    expect(revised.isNew).toBe(true);
    expect(revised.version).toBe(original!.version + 1);
    expect(revised.id).not.toBe(original!.id);

    expect(await db.frameworkVersion.findUniqueOrThrow({ where: { id: original!.id } })).toEqual(before);
    expect(await db.frameworkNode.count({ where: { versionId: original!.id } })).toBe(nodesBefore);
    expect((await getLatestFrameworkVersion(db, "spbe-2020"))?.id).toBe(revised.id);
  });
});
