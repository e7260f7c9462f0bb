// The evidence sweep inside a running portal: a while after start, then daily. Several
// instances may each run it; the sweep re-checks every blob under a row lock.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { getStorage } from "@/lib/storage";
import { sweepEvidenceStorage } from "./sweep";
import { stagingStore } from "./upload-staging";

const FIRST_RUN_MS = 10 * 60 * 1000;
const EVERY_MS = 24 * 60 * 60 * 1000;

async function runSweep(): Promise<void> {
  try {
    const result = await sweepEvidenceStorage(db, getStorage(), { retentionDays: env.EVIDENCE_RETENTION_DAYS, staging: stagingStore() });
    log.info("evidence sweep", result);
  } catch (error) {
    log.error("evidence sweep failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

export function scheduleEvidenceSweep(): void {
  setTimeout(() => {
    void runSweep();
    setInterval(() => void runSweep(), EVERY_MS).unref();
  }, FIRST_RUN_MS).unref();
}
