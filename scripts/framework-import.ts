// Imports a framework file (the format of lib/framework/data/*.json) as a new version, e.g.
// a corrected pemdi-2026 from the official salinan. The file is validated first; nothing is
// written when it is refused. Versions that exist, and the periods using them, never change.
//   npm run framework:import -- path/to/framework.json
import fs from "node:fs";
import { openDatabase } from "@/lib/db/database-url";
import { db, setDatabaseUrl } from "@/lib/db";
import { formatFrameworkIssues, validateFramework } from "@/lib/framework/validate";
import { importFrameworkVersion } from "@/lib/framework-versions/store";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run framework:import -- <file.json>");
  process.exit(2);
}
let input: unknown;
try {
  input = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (error) {
  console.error(`Berkas ${file} tidak dapat dibaca sebagai JSON: ${String(error)}`);
  process.exit(1);
}
const validation = validateFramework(input);
if (!validation.ok) {
  console.error(`Kerangka ditolak:\n${formatFrameworkIssues(validation.issues)}`);
  process.exit(1);
}
const database = await openDatabase();
try {
  setDatabaseUrl(database.url);
  const imported = await importFrameworkVersion(db, validation.framework, { notes: `Impor dari ${file}` });
  console.log(
    imported.isNew
      ? `Diimpor: ${imported.code} versi ${imported.version}.`
      : `Isi yang sama sudah ada sebagai ${imported.code} versi ${imported.version}; tidak ada yang diubah.`,
  );
  await db.$disconnect();
} finally {
  await database.close();
}
process.exit(0);
