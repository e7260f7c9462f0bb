// One database for the whole integration run: a fresh database on the PostgreSQL server
// in DATABASE_URL (created here, dropped afterwards), or, when DATABASE_URL is unset, an
// in-memory embedded PostgreSQL (PGlite). Migrations are applied the way production does.
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createScratchDatabase } from "../support/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "spbe_it");
    await applyMigrations(scratch.url);
    project.provide("databaseUrl", scratch.url);
    project.provide("databaseKind", "postgres");
    return () => scratch.drop();
  }
  const embedded = await startEmbeddedServer();
  await applyMigrations(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("databaseKind", "embedded");
  return () => embedded.close();
}
