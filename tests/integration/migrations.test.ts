// The committed migrations are what the database runs, they match the Prisma schema, and
// the audit trail cannot be rewritten.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { applyMigrations, MIGRATED_SCHEMA_PATH, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/schema-engine";

describe("migrations", () => {
  it("records every committed migration in _prisma_migrations with Prisma's checksum", async () => {
    const rows = await db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    const committed = fs.readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(rows.map((row) => row.migration_name)).toEqual(committed);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(inject("databaseUrl"))).toEqual([]);
  });

  it("has no schema change without a migration (run npm run db:migration:new)", () => {
    expect(fs.readFileSync(MIGRATED_SCHEMA_PATH, "utf8")).toBe(fs.readFileSync(SCHEMA_PATH, "utf8"));
  });
});

describe("audit trail", () => {
  it("accepts new records but refuses UPDATE, DELETE and TRUNCATE at the database level", async () => {
    const entry = await db.auditLog.create({ data: { action: "test.append", entityType: "Test", after: { ok: true } } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "test.rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    const stored = await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored.action).toBe("test.append");
  });
});
