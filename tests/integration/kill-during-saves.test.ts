// The portal process is killed (SIGKILL, no chance to clean up) while people are saving
// answers, then started again. Every save that was acknowledged is there with its audit
// record; saves cut off mid-flight are either wholly there or wholly absent; every
// answer's version equals the number of audit records of its saves and its content is
// that of the last one; and the restarted process saves again at once (no lock was left).
// The process runs the save command itself (tests/support/save-server.ts): this test runs
// before `npm test` builds the portal, so it cannot start the production build.
import type { ChildProcess } from "node:child_process";
import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "./db-reset";
import { freePort, kill, startChildServer } from "../support/child-server";
import { createFixtures, type Fixtures } from "./fixtures";

const INDICATORS = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
let fixtures: Fixtures;
let server: ChildProcess | undefined;

const startServer = (port: number) => startChildServer("tests/support/save-server.ts", { PORT: String(port), SAVE_USER_ID: fixtures.home.userIds.ADMIN_OPD });

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  const extra = INDICATORS.filter((number) => number > 4);
  await db.assignment.createMany({ data: extra.map((number) => ({ periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[number]!, unitId: fixtures.home.unitIds[0] })) });
});

afterEach(async () => {
  if (server) await kill(server);
});

type Save = { indicatorId: string; requestId: string; version: number; explanation: string };

it("keeps every acknowledged save and never half a save when the process is killed mid-flight", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = await startServer(port);
  const post = (input: Record<string, unknown>, requestId: string) =>
    fetch(`${base}/save`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": requestId }, body: JSON.stringify(input) });

  const acknowledged: Save[] = [];
  let inFlight = 0;
  let inFlightAtKill = -1;
  const workers = INDICATORS.map(async (number) => {
    const indicatorId = fixtures.framework.indicatorIds[number]!;
    let version = 0;
    for (let round = 0; ; round++) {
      const requestId = `simpan-${number}-${round}`;
      const explanation = `Penjelasan indikator ${number}, simpanan ke-${round}`;
      inFlight++;
      try {
        const response = await post({ periodId: fixtures.home.periodId, indicatorId, version, level: String((round % 5) + 1), explanation }, requestId);
        const body = (await response.json()) as { data?: { version: string } };
        expect(response.status, JSON.stringify(body)).toBe(200);
        version = Number(body.data!.version);
        acknowledged.push({ indicatorId, requestId, version, explanation });
      } catch (error) {
        if (inFlightAtKill < 0) throw error;
        return; // cut off by the kill: the outcome of this save is unknown to its sender
      } finally {
        inFlight--;
      }
    }
  });
  // Kill once plenty has been acknowledged, while every worker has a save on the wire.
  for (let tries = 0; tries < 1500 && acknowledged.length < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  inFlightAtKill = inFlight;
  await kill(server);
  await Promise.all(workers);
  expect(acknowledged.length).toBeGreaterThanOrEqual(INDICATORS.length);
  expect(inFlightAtKill).toBeGreaterThan(0);

  server = await startServer(port);

  const audits = await db.auditLog.findMany({ where: { entityType: "Answer", action: { in: ["answer.create", "answer.update"] } }, orderBy: { id: "asc" } });
  const byRequest = new Map(audits.map((audit) => [audit.requestId, audit]));
  const answers = await db.answer.findMany({ where: { periodId: fixtures.home.periodId, stage: "SELF" } });
  const answerOf = new Map(answers.map((answer) => [answer.indicatorId, answer]));
  for (const save of acknowledged) {
    const audit = byRequest.get(save.requestId);
    expect(audit, save.requestId).toBeDefined();
    expect(audit!.entityId).toBe(answerOf.get(save.indicatorId)!.id);
    expect((audit!.after as { explanation: string }).explanation).toBe(save.explanation);
    expect(answerOf.get(save.indicatorId)!.version).toBeGreaterThanOrEqual(save.version);
  }
  expect(answers).toHaveLength(INDICATORS.length);
  for (const answer of answers) {
    const saves = audits.filter((audit) => audit.entityId === answer.id);
    expect(saves, `answer ${answer.id}`).toHaveLength(answer.version);
    const last = saves.at(-1)!.after as { level: string; explanation: string };
    expect([Number(answer.level), answer.explanation]).toEqual([Number(last.level), last.explanation]);
    expect(await db.levelChange.count({ where: { answerId: answer.id } })).toBeLessThanOrEqual(answer.version);
  }

  // The restarted process saves on top of whatever survived, at once.
  for (const answer of answers) {
    const response = await post({ periodId: fixtures.home.periodId, indicatorId: answer.indicatorId, version: answer.version, level: "2", explanation: "Setelah mulai ulang" }, `sesudah-${answer.id}`);
    expect(response.status).toBe(200);
  }
});
