// `npm run evidence:sweep`: removes evidence bytes nobody references any more (after
// EVIDENCE_RETENTION_DAYS), leftovers of interrupted writes and abandoned uploads. Run it
// daily (cron, a systemd timer); it is safe to run while the portal serves.
import { env } from "@/lib/env";
import { openDatabase } from "@/lib/db/database-url";
import { db, setDatabaseUrl } from "@/lib/db";
import { sweepEvidenceStorage } from "@/lib/evidence/sweep";
import { stagingStore } from "@/lib/evidence/upload-staging";
import { getStorage } from "@/lib/storage";

const database = await openDatabase();
setDatabaseUrl(database.url);
try {
  const result = await sweepEvidenceStorage(db, getStorage(), { retentionDays: env.EVIDENCE_RETENTION_DAYS, staging: stagingStore() });
  console.log(`Evidence sweep: ${result.blobs} unreferenced files, ${result.orphans} orphaned objects, ${result.leftovers} interrupted writes, ${result.stagedUploads} abandoned uploads removed.`);
} finally {
  await db.$disconnect();
  await database.close();
}
