// The scan queue inside a running portal: items queued before this process started are
// queued once at start, then the queue is polled every few seconds, so an uploaded PDF is
// checked a moment after its upload finished without the upload waiting for it.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getStorage } from "@/lib/storage";
import { processTextScans, queueMissingTextScans } from "./scan-queue";

const POLL_MS = 5_000;
let running = false;

async function runScans(): Promise<void> {
  if (running) return;
  running = true;
  try {
    const scanned = await processTextScans(db, getStorage(), { limit: 20 });
    if (scanned > 0) log.info("evidence text scans", { scanned });
  } catch (error) {
    log.error("evidence text scans failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    running = false;
  }
}

export function scheduleTextScans(): void {
  setTimeout(() => {
    void queueMissingTextScans(db)
      .catch((error: unknown) => log.error("queueing evidence text scans failed", { error: String(error) }))
      .finally(() => setInterval(() => void runScans(), POLL_MS).unref());
  }, POLL_MS).unref();
}
