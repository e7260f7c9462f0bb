// `npm start` (and `npm run dev`, with --dev): build when there is no production build yet, open the database (embedded
// under DATA_DIR unless DATABASE_URL is set), apply migrations, load the demo data into a
// new embedded database, then serve the portal on PORT.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { openDatabase } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/roles";
import { db, setDatabaseUrl } from "@/lib/db";
import { ensureShippedFrameworks } from "@/lib/framework-versions/store";
import { seedDemoData } from "@/prisma/seed";

const root = process.cwd();
const nextBin = path.join(root, "node_modules/.bin/next");
const isDev = process.argv.includes("--dev");

if (!isDev && !fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.log("No production build yet: building (once)...");
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const database = await openDatabase();
const applied = await migrateDatabase(database.url, env.DATABASE_MIGRATION_URL);
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

// Frameworks are reference data every deployment needs; demo data only where asked for.
setDatabaseUrl(database.url);
await ensureShippedFrameworks(db);
const shouldSeed = env.DEMO_DATA === "true" || (env.DEMO_DATA === "auto" && database.isEmbedded && database.isNew);
if (shouldSeed) await seedDemoData(db);
await db.$disconnect();

console.log(
  database.isEmbedded
    ? `Embedded PostgreSQL (PGlite) in ${path.join(env.DATA_DIR, "pgdata")}`
    : "PostgreSQL from DATABASE_URL",
);
// Sessions are signed with AUTH_SECRET. Without one, a random secret is made once and kept
// under DATA_DIR, so restarts do not sign everybody out.
function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;

const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/portal-server.ts"), ...(isDev ? ["--dev"] : [])], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret(),
    NEXTAUTH_URL: publicUrl,
    NODE_ENV: isDev ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) server.kill("SIGTERM");
  await database.close();
  process.exit(code);
}
server.on("exit", (code) => void stop(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
