// Exports one assessment period, with everything it refers to and its evidence files, into
// one archive (see lib/backup/archive-format.ts):
//   npm run backup:export -- --period <periodId> --out periode-2025.tar.gz
// On the embedded database, stop the portal first (one process owns DATA_DIR).
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/database-url";
import { db, setDatabaseUrl } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { BackupRefused } from "@/lib/backup/archive-format";
import { exportPeriod } from "@/lib/backup/export-period";

const { values } = parseArgs({ options: { period: { type: "string" }, out: { type: "string" } } });
if (!values.period || !values.out) {
  console.error("Usage: npm run backup:export -- --period <periodId> --out <file.tar.gz>");
  process.exit(2);
}
const database = await openDatabase();
let code = 0;
try {
  setDatabaseUrl(database.url);
  const { manifest } = await exportPeriod(db, getStorage(), values.period, values.out);
  const rows = Object.values(manifest.counts).reduce((sum, count) => sum + count, 0);
  console.log(`Diekspor: ${manifest.instansi.name} periode ${manifest.period.year}, ${rows} baris dan ${manifest.blobs.length} berkas, ke ${values.out}.`);
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await db.$disconnect();
  await database.close();
}
process.exit(code);
