// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between
// the schema the committed migrations produce (prisma/migrations/migrated-schema.prisma)
// and prisma/schema.prisma, offline. Review the SQL before committing it; hand-written
// additions (triggers, data moves) go into the same file.
import fs from "node:fs";
import path from "node:path";
import { diffSchemas, MIGRATED_SCHEMA_PATH, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/schema-engine";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>");
  process.exit(2);
}

const target = fs.readFileSync(SCHEMA_PATH, "utf8");
const current = fs.existsSync(MIGRATED_SCHEMA_PATH) ? fs.readFileSync(MIGRATED_SCHEMA_PATH, "utf8") : null;
const sql = await diffSchemas(current, target);
if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""))) {
  console.log("prisma/schema.prisma matches the migrations: nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.writeFileSync(MIGRATED_SCHEMA_PATH, target);
const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
