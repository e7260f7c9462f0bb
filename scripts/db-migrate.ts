// Applies the committed migrations (prisma/migrations) offline, on DATABASE_URL or on the
// embedded database under DATA_DIR. Compatible with `prisma migrate deploy`: both keep
// the standard _prisma_migrations table.
import { openDatabase } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/schema-engine";
import { db, setDatabaseUrl } from "@/lib/db";
import { ensureShippedFrameworks } from "@/lib/framework-versions/store";

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  setDatabaseUrl(database.url);
  const frameworks = await ensureShippedFrameworks(db);
  console.log(`Frameworks: ${frameworks.map((framework) => `${framework.code} v${framework.version}`).join(", ")}`);
  await db.$disconnect();
} finally {
  await database.close();
}
process.exit(0);
