// The audit trail against a portal that turns hostile, on a real PostgreSQL server: with
// the two roles (lib/db/roles.ts), the application role can append to and read the audit
// table, and nothing else: no UPDATE, DELETE or TRUNCATE, no disabling its triggers, no
// session_replication_role to bypass them. The migration role is an ordinary owner, not
// a superuser. The embedded engine has one role, so this runs on PostgreSQL only.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { migrateDatabase } from "@/lib/db/roles";

const isPostgres = inject("databaseKind") === "postgres";
const suffix = randomBytes(3).toString("hex");
const owner = `spbe_it_owner_${suffix}`;
const app = `spbe_it_app_${suffix}`;
const database = `spbe_it_roles_${suffix}`;
let server: URL;
let appClient: pg.Client;

const urlAs = (role: string) => {
  const url = new URL(server);
  url.username = role;
  url.password = "";
  url.pathname = `/${database}`;
  return url.toString();
};

async function asServerAdmin(sql: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.runIf(isPostgres)("two database roles", () => {
  beforeAll(async () => {
    server = new URL(process.env.DATABASE_URL!);
    server.pathname = "/postgres";
    await asServerAdmin(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; CREATE ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    await asServerAdmin(`CREATE DATABASE ${database} OWNER ${owner}`);
    await migrateDatabase(urlAs(app), urlAs(owner));
    appClient = new pg.Client({ connectionString: urlAs(app) });
    await appClient.connect();
  });

  afterAll(async () => {
    await appClient?.end();
    await asServerAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await asServerAdmin(`DROP ROLE IF EXISTS ${app}; DROP ROLE IF EXISTS ${owner}`);
  });

  const refusal = (sql: string) => appClient.query(sql).then(() => "accepted", (error: Error) => error.message);

  it("lets the application role do the portal's work and append to the audit trail", async () => {
    await appClient.query(`INSERT INTO "Instansi" ("id", "code", "name", "kind", "updatedAt") VALUES ('i1', 'kab-uji', 'Kabupaten Uji', 'KABUPATEN', now())`);
    await appClient.query(`UPDATE "Instansi" SET "name" = 'Kabupaten Uji Coba' WHERE "id" = 'i1'`);
    await appClient.query(`INSERT INTO "AuditLog" ("action", "entityType", "instansiId") VALUES ('uji.tulis', 'Uji', 'i1')`);
    const { rows } = await appClient.query(`SELECT "action" FROM "AuditLog"`);
    expect(rows).toEqual([{ action: "uji.tulis" }]);
  });

  it("refuses the application role every way of rewriting the audit trail", async () => {
    expect(await refusal(`UPDATE "AuditLog" SET "action" = 'palsu'`)).toMatch(/permission denied/);
    expect(await refusal(`DELETE FROM "AuditLog"`)).toMatch(/permission denied/);
    expect(await refusal(`TRUNCATE "AuditLog"`)).toMatch(/permission denied/);
    expect(await refusal(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`)).toMatch(/must be owner/);
    expect(await refusal(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await refusal(`SET session_replication_role = replica`)).toMatch(/permission denied/);
    expect(await refusal(`DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`)).toMatch(/must be owner/);
    expect(await refusal(`CREATE OR REPLACE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`)).toMatch(/must be owner|permission denied/);
    expect(await refusal(`DELETE FROM "_prisma_migrations"`)).toMatch(/permission denied/);
    const { rows } = await appClient.query(`SELECT "action" FROM "AuditLog"`);
    expect(rows).toEqual([{ action: "uji.tulis" }]);
  });

  it("keeps the trigger for the migration role too: the owner cannot UPDATE or DELETE a record without first changing the schema", async () => {
    const ownerClient = new pg.Client({ connectionString: urlAs(owner) });
    await ownerClient.connect();
    try {
      await expect(ownerClient.query(`UPDATE "AuditLog" SET "action" = 'palsu'`)).rejects.toThrow(/append-only/);
      await expect(ownerClient.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    } finally {
      await ownerClient.end();
    }
  });

  it("re-applies the grants on every migration run, so a second run changes nothing and still works", async () => {
    expect(await migrateDatabase(urlAs(app), urlAs(owner))).toEqual([]);
    expect(await refusal(`DELETE FROM "AuditLog"`)).toMatch(/permission denied/);
  });
});
