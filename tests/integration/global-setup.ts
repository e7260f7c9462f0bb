// One database for the whole integration run: a fresh database on the PostgreSQL server
// in DATABASE_URL (created here, dropped afterwards), or, when DATABASE_URL is unset, an
// in-memory embedded PostgreSQL (PGlite). Migrations are applied the way production does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createScratchDatabase } from "../support/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  // Files the tests store (evidence) live in a temporary DATA_DIR, never in ./data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-it-data-"));
  project.provide("dataDir", dataDir);
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "spbe_it");
    await applyMigrations(scratch.url);
    project.provide("databaseUrl", scratch.url);
    project.provide("databaseKind", "postgres");
    return async () => {
      await scratch.drop();
      removeDataDir();
    };
  }
  const embedded = await startEmbeddedServer();
  await applyMigrations(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("databaseKind", "embedded");
  return async () => {
    await embedded.close();
    removeDataDir();
  };
}
