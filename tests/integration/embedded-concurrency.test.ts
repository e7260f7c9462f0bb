// The embedded server shares PGlite's single session between connections. These tests
// hammer it with concurrent transactions from many connections and check that no
// transaction ever sees or breaks another one's half-done work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/db/embedded-server";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/db/schema-engine";

let server: EmbeddedServer;

beforeAll(async () => {
  server = await startEmbeddedServer();
});

afterAll(async () => {
  await server.close();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  return client;
}

describe("embedded PostgreSQL under concurrent transactions", () => {
  it("keeps every invariant across 300 concurrent transfers from 12 connections", async () => {
    const setup = await connect();
    await setup.query("CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL CHECK (balance >= 0))");
    await setup.query("CREATE TABLE ledger (id serial PRIMARY KEY, from_id int, to_id int, amount int)");
    await setup.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
    await setup.query("INSERT INTO account SELECT g, 1000 FROM generate_series(1, 10) g");
    await setup.query("INSERT INTO counter VALUES (1, 0)");

    const clients = await Promise.all(Array.from({ length: 12 }, connect));
    let committed = 0;
    let rolledBack = 0;

    // Each transfer reads, yields to the event loop, then writes based on what it read:
    // if another connection's statements ran inside this transaction (or this one's inside
    // another), balances or the counter would drift.
    const transfer = async (client: pg.Client, i: number) => {
      const from = (i % 10) + 1;
      const to = ((i * 7) % 10) + 1;
      const amount = (i % 13) + 1;
      await client.query("BEGIN");
      try {
        const { rows } = await client.query<{ balance: number }>("SELECT balance FROM account WHERE id = $1", [from]);
        await new Promise((resolve) => setImmediate(resolve));
        const { rows: counter } = await client.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
        await client.query("UPDATE account SET balance = $1 WHERE id = $2", [rows[0]!.balance - amount, from]);
        await client.query("UPDATE account SET balance = balance + $1 WHERE id = $2", [amount, to]);
        await client.query("INSERT INTO ledger (from_id, to_id, amount) VALUES ($1, $2, $3)", [from, to, amount]);
        await client.query("UPDATE counter SET n = $1 WHERE id = 1", [counter[0]!.n + 1]);
        if (i % 9 === 0) {
          await client.query("ROLLBACK");
          rolledBack++;
        } else {
          await client.query("COMMIT");
          committed++;
        }
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    };

    await Promise.all(
      clients.map(async (client, c) => {
        for (let k = 0; k < 25; k++) await transfer(client, c * 25 + k);
      }),
    );

    const { rows: [totals] } = await setup.query<{ total: string; ledger: string; n: number }>(
      "SELECT (SELECT sum(balance) FROM account) AS total, (SELECT count(*) FROM ledger) AS ledger, (SELECT n FROM counter) AS n",
    );
    expect(committed + rolledBack).toBe(300);
    expect(rolledBack).toBeGreaterThan(0);
    expect(Number(totals!.total)).toBe(10 * 1000);
    expect(Number(totals!.ledger)).toBe(committed);
    expect(totals!.n).toBe(committed);

    const { rows: balances } = await setup.query<{ id: number; balance: number }>("SELECT id, balance FROM account ORDER BY id");
    const { rows: moves } = await setup.query<{ from_id: number; to_id: number; amount: number }>("SELECT from_id, to_id, amount FROM ledger");
    const expected = new Map(balances.map(({ id }) => [id, 1000]));
    for (const move of moves) {
      expected.set(move.from_id, expected.get(move.from_id)! - move.amount);
      expected.set(move.to_id, expected.get(move.to_id)! + move.amount);
    }
    for (const { id, balance } of balances) expect(balance).toBe(expected.get(id));

    await Promise.all([...clients, setup].map((client) => client.end()));
  });

  it("rolls back the open transaction of a connection that dies and serves the others", async () => {
    const victim = await connect();
    const other = await connect();
    await other.query("CREATE TABLE crash_probe (id int PRIMARY KEY)");
    victim.on("error", () => {});
    await victim.query("BEGIN");
    await victim.query("INSERT INTO crash_probe VALUES (1)");
    // The other connection is queued behind the open transaction...
    const waiting = other.query<{ count: string }>("SELECT count(*) FROM crash_probe");
    // ...until the victim's socket is torn down mid-transaction.
    (victim as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const { rows } = await waiting;
    expect(Number(rows[0]!.count)).toBe(0);
    await other.end();
  });

  it("runs concurrent Prisma interactive transactions through a pool without lost updates", async () => {
    const fresh = await startEmbeddedServer();
    await applyMigrations(fresh.url);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url, max: 6 }) });
    const instansi = await prisma.instansi.create({ data: { code: "uji-konkuren", name: "Instansi Uji", kind: "KOTA" } });
    const period = await prisma.assessmentPeriod.create({
      data: {
        instansi: { connect: { id: instansi.id } },
        year: 2030,
        frameworkVersion: {
          create: {
            definition: {},
            checksum: "uji",
            version: 1,
            framework: { create: { code: "uji", name: "Kerangka uji", status: "OFFICIAL" } },
          },
        },
      },
    });

    // 60 read-modify-write transactions on the same row: each must see the previous one.
    await Promise.all(
      Array.from({ length: 60 }, () =>
        prisma.$transaction(async (tx) => {
          const current = await tx.assessmentPeriod.findUniqueOrThrow({ where: { id: period.id } });
          await tx.assessmentPeriod.update({ where: { id: period.id }, data: { version: current.version + 1 } });
        }, { maxWait: 30_000, timeout: 30_000 }),
      ),
    );
    const final = await prisma.assessmentPeriod.findUniqueOrThrow({ where: { id: period.id } });
    expect(final.version).toBe(61);
    await prisma.$disconnect();
    await fresh.close();
  });
});
