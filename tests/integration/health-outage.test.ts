// With the database unreachable, the health check answers 503 with a reason, not a 500.
import net from "node:net";
import { afterAll, expect, it, vi } from "vitest";

const globalForDb = globalThis as unknown as { db?: unknown };

afterAll(() => {
  delete globalForDb.db;
  vi.resetModules();
});

it("reports 503 when PostgreSQL does not answer", async () => {
  // A port that was free a moment ago: nothing listens there.
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  vi.resetModules();
  delete globalForDb.db;
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const { GET } = await import("@/app/api/health/route");
  const response = await GET(new Request("http://test/api/health"), { params: Promise.resolve({}) });
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ status: "error", db: "unreachable", storage: "ok", reason: "database unreachable" });
});
