// The one Prisma client. It always talks PostgreSQL over the pg driver adapter: to the
// server in DATABASE_URL, or to the embedded database that scripts/start.ts serves on
// loopback and passes down as DATABASE_URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// Kept on globalThis so development hot reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { db?: PrismaClient };
let databaseUrl = env.DATABASE_URL;

/** For scripts that open the embedded database themselves, before the first query. */
export function setDatabaseUrl(url: string): void {
  if (globalForDb.db) throw new Error("setDatabaseUrl must be called before the first query");
  databaseUrl = url;
}

function createClient(): PrismaClient {
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start` or `npm run dev`, which provide the embedded database.");
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: env.DB_POOL_MAX, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

// Created on first use, so importing this module (as `next build` does) needs no database.

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.db ??= createClient();
    const value: unknown = Reflect.get(globalForDb.db, property);
    return typeof value === "function" ? value.bind(globalForDb.db) : value;
  },
});

export type Db = PrismaClient;
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either the client or a transaction: for reads that work inside and outside one. */
export type DbClient = Db | DbTransaction;
