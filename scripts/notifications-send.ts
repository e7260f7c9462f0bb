// `npm run notifications:send`: one notification pass (today's deadline digests, then every
// queued e-mail that is due), for a cron job beside or instead of the portal's own loop.
// Needs DATABASE_URL; safe to run while the portal runs (claims are FOR UPDATE SKIP LOCKED,
// digests are recorded per person per day).
import { db } from "@/lib/db";
import { runNotificationPass } from "@/lib/notifications/worker";

const report = await runNotificationPass(db);
console.log(`Digests made: ${report.digests}; e-mail sent: ${report.sent}, to retry: ${report.retried}, given up: ${report.failed}`);
await db.$disconnect();
