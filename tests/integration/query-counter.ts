// A Prisma client of its own that counts the SQL statements it sends (Prisma's query
// events, i.e. the wire side), for tests that pin how many round trips a loader makes.
import { PrismaPg } from "@prisma/adapter-pg";
import { expect } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function countingClient() {
  const statements: string[] = [];
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => statements.push(event.query));
  return {
    client,
    /** The statements `load` sent; it must find something (a null result would count nothing useful). */
    async statementsOf(load: (client: PrismaClient) => Promise<unknown>): Promise<string[]> {
      statements.length = 0;
      expect(await load(client)).not.toBeNull();
      return [...statements];
    },
  };
}
