// The notification loop the portal runs in one process (scripts/portal-server.ts): every
// interval it makes the day's deadline digests that are due and sends queued e-mail. A pass
// never overlaps the previous one; a failing pass (database or SMTP down) is logged and the
// next one tries again. `npm run notifications:send` runs the same pass once, for cron.
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { runDeadlineDigest } from "./digest";
import { deliverQueuedEmails, type DeliveryReport } from "./mail-queue";

export const NOTIFICATION_INTERVAL_MS = 30_000;

export async function runNotificationPass(db: Db, now: Date = new Date()): Promise<{ digests: number } & DeliveryReport> {
  const digests = await runDeadlineDigest(db, now);
  const total = { sent: 0, retried: 0, failed: 0 };
  // Until a pass finds nothing due: a large backlog drains in one run.
  for (;;) {
    const report = await deliverQueuedEmails(db, { now });
    total.sent += report.sent;
    total.retried += report.retried;
    total.failed += report.failed;
    if (report.sent === 0) break;
  }
  return { digests, ...total };
}

export function startNotificationWorker(db: Db, intervalMs = NOTIFICATION_INTERVAL_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runNotificationPass(db);
      if (report.digests + report.sent + report.retried + report.failed > 0) log.info("notifications", report);
    } catch (error) {
      log.error("notification pass failed", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
