// Runs once when a portal server process starts. Schedules the daily evidence sweep and the
// evidence pre-checks' text scans inside the portal, so a deployment on the embedded
// database (one process owns it) needs no cron.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scheduleEvidenceSweep } = await import("@/lib/evidence/sweep-schedule");
  scheduleEvidenceSweep();
  const { scheduleTextScans } = await import("@/lib/evidence/precheck/scan-schedule");
  scheduleTextScans();
}
