// Prisma's schema engine compiled to WebAssembly: diffs schemas without the native
// schema-engine binary, which the Prisma CLI would download (impossible offline).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { startEmbeddedServer } from "./embedded-server";

type SchemaEngine = bindings.SchemaEngine;
let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

// PrismaPg.executeScript splits a migration on every ";", which breaks any statement that
// contains one (a PL/pgSQL trigger function). Sending the script as one simple-protocol
// query runs it whole, and PostgreSQL applies a multi-statement query atomically.
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await adapter.underlyingDriver().query(script);
    };
    return adapter;
  }
}

export async function openSchemaEngine(connectionString: string, schema: string): Promise<SchemaEngine> {
  await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString }));
  const log = (message: string) => {
    if (env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  return bindings.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, log, adapter);
}

const noFilters = { externalTables: [], externalEnums: [] };

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");
export const MIGRATED_SCHEMA_PATH = path.join(MIGRATIONS_DIR, "migrated-schema.prisma");

export function readMigrations(baseDir = MIGRATIONS_DIR) {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const directories = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/** Applies every committed migration the database has not seen yet; returns their names. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await openSchemaEngine(connectionString, fs.readFileSync(SCHEMA_PATH, "utf8"));
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes a database shaped by `fromSchema` to `toSchema`. Both sides are Prisma
 * schemas: the engine's live-database introspection cannot run through the pg driver
 * adapter (it cannot decode PostgreSQL's internal "char" columns), so the schema the
 * committed migrations produce is kept beside them (MIGRATED_SCHEMA_PATH).
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string): Promise<string> {
  // The engine insists on a live connection even for a schema-to-schema diff.
  const scratch = await startEmbeddedServer();
  const engine = await openSchemaEngine(scratch.url, toSchema);
  try {
    const result = await engine.diff({
      from: fromSchema === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "from.prisma", content: fromSchema }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toSchema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
    await scratch.close();
  }
}
