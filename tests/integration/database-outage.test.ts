// PostgreSQL goes away while people are saving answers (the connection drops, as in a
// restart): every save during the outage is refused with a clear 503, never a 500; the
// portal recovers by itself once the database is back; and no answer is half-saved: each
// answer's version equals the number of audit records of its saves.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const globalForDb = globalThis as unknown as { db?: unknown };
const directUrl = process.env.DATABASE_URL!;
let proxy: TcpProxy;
let fixtures: Fixtures;
let owner: Actor;

beforeAll(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  owner = await actorFor(fixtures, "ADMIN_OPD");
  const url = new URL(directUrl);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  // The portal's own database client, now reaching PostgreSQL only through the proxy.
  vi.resetModules();
  delete globalForDb.db;
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  delete globalForDb.db;
  vi.resetModules();
  process.env.DATABASE_URL = directUrl;
  await proxy.close();
});

it("answers 503 during the outage, recovers by itself, and never half-saves", async () => {
  const { db } = await import("@/lib/db");
  const { executeCommand } = await import("@/lib/command");
  const { COMMANDS } = await import("@/lib/commands");
  const { toAppError } = await import("@/lib/http/api-route");
  const indicators = [1, 2, 3].map((number) => fixtures.framework.indicatorIds[number]!);

  const outcomes: string[] = [];
  async function saveOnce(indicatorId: string, round: number) {
    try {
      const current = await db.answer.findUnique({ where: { periodId_indicatorId_stage: { periodId: fixtures.home.periodId, indicatorId, stage: "SELF" } } });
      await executeCommand(db, COMMANDS.saveAnswer, owner, requestContext, {
        periodId: fixtures.home.periodId,
        indicatorId,
        version: current?.version ?? 0,
        level: String((round % 5) + 1),
        explanation: `Penjelasan putaran ${round}`,
      });
      outcomes.push("ok");
    } catch (error) {
      outcomes.push((toAppError(error, "uji") as AppError).code);
    }
  }

  // Saving for 3 seconds; the database is gone from 0.3 s to 1.3 s.
  const end = Date.now() + 3_000;
  const workers = indicators.map(async (indicatorId) => {
    for (let round = 0; Date.now() < end; round++) {
      await saveOnce(indicatorId, round);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  const outage = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    proxy.restore();
  })();
  await Promise.all([...workers, outage]);

  expect(new Set(outcomes)).not.toContain("internal_error");
  expect(outcomes).toContain("service_unavailable");
  const firstOutage = outcomes.indexOf("service_unavailable");
  expect(outcomes.slice(firstOutage).filter((outcome) => outcome === "ok").length).toBeGreaterThan(0);
  expect(outcomes.every((outcome) => ["ok", "service_unavailable", "conflict"].includes(outcome))).toBe(true);

  // Checked on a direct connection: every answer's version is backed by exactly that many saves.
  proxy.restore();
  const answers = await db.answer.findMany({ where: { periodId: fixtures.home.periodId, stage: "SELF" } });
  expect(answers).toHaveLength(3);
  for (const answer of answers) {
    const saves = await db.auditLog.count({ where: { entityId: answer.id, action: { in: ["answer.create", "answer.update"] } } });
    expect(saves, `answer ${answer.id}`).toBe(answer.version);
  }
});

it("the upload endpoint answers 503 in the one error shape while the database is away, then recovers", async () => {
  const { handleUploadRequest } = await import("@/lib/http/upload-endpoint");
  const head = () => handleUploadRequest(new Request(`http://portal.uji/api/v1/uploads/c${"a".repeat(24)}`, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" } }), owner);
  proxy.cut();
  try {
    const response = await head();
    expect(response.status).toBe(503);
    expect(response.headers.get("tus-resumable")).toBe("1.0.0");
    expect(await response.json()).toMatchObject({ error: { code: "service_unavailable" } });
  } finally {
    proxy.restore();
  }
  expect((await head()).status).toBe(404);
});
