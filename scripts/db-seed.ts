// Loads the demo data (two fictional agencies, their units, one account per role, a
// current period and earlier results). Only ever on request or into a new embedded database.
import { openDatabase } from "@/lib/db/database-url";
import { db, setDatabaseUrl } from "@/lib/db";
import { seedDemoData } from "@/prisma/seed";

const database = await openDatabase();
try {
  setDatabaseUrl(database.url);
  await seedDemoData(db);
  await db.$disconnect();
} finally {
  await database.close();
}
process.exit(0);
