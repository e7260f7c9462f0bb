// Applies the committed migrations (prisma/migrations) offline, on DATABASE_URL (as the
// DATABASE_MIGRATION_URL role when set, see lib/db/roles.ts) or on the embedded database
// under DATA_DIR. Compatible with `prisma migrate deploy`: both keep
// the standard _prisma_migrations table.
import { openDatabase } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/roles";
import { env } from "@/lib/env";
import { db, setDatabaseUrl } from "@/lib/db";
import { ensureShippedFrameworks } from "@/lib/framework-versions/store";

const database = await openDatabase();
try {
  const applied = await migrateDatabase(database.url, env.DATABASE_MIGRATION_URL);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  setDatabaseUrl(database.url);
  const frameworks = await ensureShippedFrameworks(db);
  console.log(`Frameworks: ${frameworks.map((framework) => `${framework.code} v${framework.version}`).join(", ")}`);
  await db.$disconnect();
} finally {
  await database.close();
}
process.exit(0);
