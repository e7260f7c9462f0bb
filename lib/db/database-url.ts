// Where the portal's database is: DATABASE_URL when set, otherwise the embedded
// PostgreSQL (PGlite) whose files live under DATA_DIR/pgdata, served on loopback.
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded-server";

export type DatabaseHandle = { url: string; isEmbedded: boolean; isNew: boolean; close(): Promise<void> };

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// PGlite files opened by two processes at once would be corrupted: one owner per DATA_DIR.
function takeDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "embedded.pid");
  if (fs.existsSync(lockPath)) {
    const pid = Number(fs.readFileSync(lockPath, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) {
      throw new Error(`The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATA_DIR to another folder.`);
    }
  }
  fs.writeFileSync(lockPath, String(process.pid));
  return () => fs.rmSync(lockPath, { force: true });
}

export async function openDatabase(options: { port?: number } = {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, isEmbedded: false, isNew: false, close: async () => {} };
  }
  const pgdata = path.join(env.DATA_DIR, "pgdata");
  fs.mkdirSync(env.DATA_DIR, { recursive: true });
  const releaseLock = takeDataDirLock(env.DATA_DIR);
  const isNew = !fs.existsSync(path.join(pgdata, "PG_VERSION"));
  let server: EmbeddedServer;
  try {
    server = await startEmbeddedServer({ dataDir: pgdata, port: options.port ?? 0 });
  } catch (error) {
    releaseLock();
    throw error;
  }
  return {
    url: server.url,
    isEmbedded: true,
    isNew,
    async close() {
      await server.close();
      releaseLock();
    },
  };
}
