// Restores a period archive made by backup:export into a deployment that does not have its
// agency yet (everything is verified first; the rows are written in one transaction):
//   npm run backup:restore -- periode-2025.tar.gz
// Password hashes are never in an archive: the agency's Koordinator gets a one-time
// password, printed here once, and resets everybody else's from /admin/pengguna.
import { openDatabase } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/schema-engine";
import { db, setDatabaseUrl } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { BackupRefused } from "@/lib/backup/archive-format";
import { restorePeriod } from "@/lib/backup/restore-period";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run backup:restore -- <file.tar.gz>");
  process.exit(2);
}
const database = await openDatabase();
let code = 0;
try {
  await applyMigrations(database.url);
  setDatabaseUrl(database.url);
  const report = await restorePeriod(db, getStorage(), file);
  console.log(`Dipulihkan: ${report.manifest.instansi.name} periode ${report.manifest.period.year} (arsip ${report.manifest.createdAt}).`);
  if (report.linkedUsers.length) console.log(`Akun yang sudah ada dan dipakai: ${report.linkedUsers.join(", ")}.`);
  for (const { email, password } of report.temporaryPasswords) console.log(`Kata sandi sementara ${email}: ${password}`);
  console.log("Akun lain belum memiliki kata sandi: Koordinator mengatur ulang dari /admin/pengguna (atau masuk lewat SSO).");
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  console.error(`Ditolak, tidak ada yang diubah: ${error.message}`);
  code = 1;
} finally {
  await db.$disconnect();
  await database.close();
}
process.exit(code);
