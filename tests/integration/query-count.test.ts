// No N+1: the indicator page's loader, the period overview and the leadership dashboard
// send the same number of SQL statements to the database whatever the amount of data
// (units, answers in every stage, history, rounds, discussion, evidence, recommendations,
// last year's period). Counted on the wire side of
// Prisma (its query events), on a client of its own.
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LEVEL_HISTORY_PAGE_SIZE, loadIndicatorView } from "@/lib/assessment/indicator-view";
import { periodResults } from "@/lib/assessment/period-results";
import { recentMentions } from "@/lib/assessment/mentions";
import { leadershipDashboard } from "@/lib/dashboard/leadership";
import { ANSWER_STAGES } from "@/lib/results/period-summary";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, loadedPeriod, type Fixtures } from "./fixtures";
import { countingClient } from "./query-counter";

let fixtures: Fixtures;
let owner: Actor;
let koordinator: Actor;
const counter = countingClient();
const counted = counter.client;

async function count(load: () => Promise<unknown>): Promise<number> {
  return (await counter.statementsOf(load)).length;
}

async function measure() {
  const { periodId } = fixtures.home;
  // Counted in the steady state: the framework version is in memory after its first read.
  await loadIndicatorView(counted, owner, periodId, 1);
  const period = await loadedPeriod(fixtures, periodId);
  return {
    indicatorPageOwner: await count(() => loadIndicatorView(counted, owner, periodId, 1)),
    indicatorPageKoordinator: await count(() => loadIndicatorView(counted, koordinator, periodId, 1)),
    periodOverview: await count(() => periodResults(counted, period)),
    // The Koordinator's /dasbor: the leadership dashboard and where they were mentioned.
    dashboardKoordinator: await count(() => Promise.all([leadershipDashboard(counted, koordinator), recentMentions(counted, koordinator.userId, fixtures.home.instansiId)])),
  };
}

/** `size` of everything the two loaders read: units, answered indicators in every stage, level history, rounds, comments with mentions, evidence, recommendations, last year's period. */
async function populate(f: Fixtures, size: number) {
  const { home } = f;
  const numbers = Object.keys(f.framework.indicatorIds).map(Number).slice(0, size);
  const indicator = (number: number) => f.framework.indicatorIds[number]!;
  const units = await db.unit.createManyAndReturn({
    data: Array.from({ length: size }, (_, i) => ({ instansiId: home.instansiId, code: `besar-${i}`, name: `Unit Besar ${i}`, functions: ["tik"] })),
  });
  const users = await db.user.createManyAndReturn({ data: Array.from({ length: size + 2 }, (_, i) => ({ email: `opd${i}@besar.uji`, name: `Admin ${i}` })) });
  await db.membership.createMany({ data: units.map((unit, i) => ({ userId: users[i]!.id, instansiId: home.instansiId, unitId: unit.id, role: "ADMIN_OPD" as const })) });
  await db.assignment.createMany({ data: numbers.flatMap((number) => units.map((unit) => ({ periodId: home.periodId, indicatorId: indicator(number), unitId: unit.id }))) });

  const previous = await db.assessmentPeriod.create({ data: { instansiId: home.instansiId, year: 2025, frameworkVersionId: f.framework.versionId, phase: "FINAL" } });
  for (const periodId of [home.periodId, previous.id]) {
    await db.answer.createMany({
      data: numbers.flatMap((number) => ANSWER_STAGES.map((stage) => ({ periodId, indicatorId: indicator(number), stage, level: String((number % 5) + 1), explanation: `Penjelasan ${number}`, status: "VERIFIED" as const, updatedById: users[number % users.length]!.id }))),
    });
  }
  const answers = await db.answer.findMany({ where: { periodId: home.periodId } });
  await db.levelChange.createMany({ data: answers.flatMap((answer) => users.slice(0, size).map((user, i) => ({ answerId: answer.id, fromLevel: String(i % 5), toLevel: String((i % 5) + 1), actorId: user.id }))) });
  await db.verificationRound.createMany({
    data: answers.filter((answer) => answer.stage === "SELF").flatMap((answer) => users.slice(0, size).map((user, round) => ({ answerId: answer.id, round: round + 1, verifiedLevel: "2", decision: "NEEDS_REVISION" as const, reviewerId: user.id }))),
  });
  for (let i = 0; i < size; i++) {
    await db.comment.create({
      data: { periodId: home.periodId, indicatorId: indicator(1), authorId: users[i]!.id, body: `Komentar ${i}`, mentions: { create: [{ userId: users[i + 1]!.id }, { userId: users[i + 2]!.id }] } },
    });
  }
  const evidence = await db.evidence.createManyAndReturn({
    data: Array.from({ length: size }, (_, i) => ({ instansiId: home.instansiId, ownerUnitId: home.unitIds[0], kind: "LINK" as const, title: `Bukti ${i}`, url: `https://contoh.go.id/${i}` })),
  });
  await db.answerEvidence.createMany({ data: answers.filter((answer) => answer.indicatorId === indicator(1)).flatMap((answer) => evidence.map((item) => ({ answerId: answer.id, evidenceId: item.id }))) });
  await db.recommendation.createMany({
    data: numbers.flatMap((number) => [home.periodId, previous.id].flatMap((periodId) => units.map((unit) => ({ periodId, indicatorId: indicator(number), source: "EXTERNAL" as const, text: `Rekomendasi ${number}`, targetLevel: "4", ownerUnitId: unit.id })))),
  });
}

async function measureWith(size: number) {
  await resetDatabase();
  fixtures = await createFixtures();
  owner = await actorFor(fixtures, "ADMIN_OPD");
  koordinator = await actorFor(fixtures, "KOORDINATOR");
  await populate(fixtures, size);
  return measure();
}

afterAll(async () => {
  await counted.$disconnect();
});

it("runs a fixed number of queries for the indicator page and the period overview, whatever the data", async () => {
  const small = await measureWith(1);
  const large = await measureWith(40);
  expect(await db.answer.count()).toBeGreaterThan(400);
  expect(large).toEqual(small);
  // And few: a handful of round trips each (the figures are in docs/benchmarks.md).
  // The owner's page reads their unit's own deadline too (per-unit deadlines, d460f1f); the
  // attached evidence brings its file type and text scan for the pre-checks (two more).
  expect(small).toEqual({ indicatorPageOwner: 24, indicatorPageKoordinator: 22, periodOverview: 4, dashboardKoordinator: 9 });
  console.log("queries per load:", JSON.stringify(small));
});

it("pages the level history instead of showing every change of an answer", async () => {
  // measureWith(40) left 40 changes on each stage's answer of indicator 1.
  const changes = await db.levelChange.count({ where: { answer: { periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[1] } } });
  expect(changes).toBe(40 * ANSWER_STAGES.length);
  const pages = [];
  for (let page = 1; ; page++) {
    const view = (await loadIndicatorView(db, owner, fixtures.home.periodId, 1, { historyPage: page }))!;
    expect(view.levelHistory.changes.length).toBeLessThanOrEqual(LEVEL_HISTORY_PAGE_SIZE);
    pages.push(...view.levelHistory.changes);
    if (!view.levelHistory.hasOlder) break;
  }
  expect(pages).toHaveLength(changes);
  expect(new Set(pages.map((change) => change.id)).size).toBe(changes);
  const times = pages.map((change) => change.createdAt.getTime());
  expect(times).toEqual([...times].sort((a, b) => b - a));
  expect(new Set(pages.map((change) => change.stage))).toEqual(new Set(ANSWER_STAGES));
});
