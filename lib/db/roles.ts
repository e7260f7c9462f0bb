// Two database roles on PostgreSQL. The migration role (DATABASE_MIGRATION_URL) owns the
// schema and applies migrations; the portal itself connects as an application role
// (DATABASE_URL) that may read and write the tables but only INSERT and SELECT the audit
// trail. Owning nothing, it cannot disable the audit table's triggers, and without
// superuser rights it cannot switch them off with session_replication_role either.
import pg from "pg";
import { applyMigrations } from "./schema-engine";

/** The role a connection string signs in as. */
export function roleOf(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).username);
}

/** The privileges of the application role, re-applied after every migration so new tables are covered. */
export function applicationRoleGrants(role: string): string {
  const app = pg.escapeIdentifier(role);
  return [
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM ${app}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${app}`,
  ].join(";\n");
}

/**
 * Applies the committed migrations as the migration role when one is configured (then
 * grants the application role its privileges), otherwise as the one role of DATABASE_URL
 * (or the embedded database, which has one role).
 */
export async function migrateDatabase(applicationUrl: string, migrationUrl: string | undefined): Promise<string[]> {
  if (!migrationUrl || roleOf(migrationUrl) === roleOf(applicationUrl)) return applyMigrations(applicationUrl);
  const applied = await applyMigrations(migrationUrl);
  const client = new pg.Client({ connectionString: migrationUrl });
  await client.connect();
  try {
    await client.query(applicationRoleGrants(roleOf(applicationUrl)));
  } finally {
    await client.end();
  }
  return applied;
}
