import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/schema-engine";
const s = await startEmbeddedServer();
console.log(await applyMigrations(s.url));
console.log(await applyMigrations(s.url));
await s.close();
psql: {
  const { execSync } = await import("node:child_process");
  execSync("psql -h 127.0.0.1 -U postgres -c 'drop database if exists mig_try' -c 'create database mig_try'");
  console.log(await applyMigrations("postgresql://postgres@127.0.0.1:5432/mig_try"));
  console.log(await applyMigrations("postgresql://postgres@127.0.0.1:5432/mig_try"));
}
