// Sends the queued notification e-mail (OutboundEmail), out of the request path.
//
// A row moves PENDING → SENDING (claimed) → SENT, or back to PENDING with a later
// nextAttemptAt (exponential backoff) when the SMTP server refuses or cannot be reached, and
// to FAILED after MAX_ATTEMPTS. Claiming is one UPDATE over rows picked FOR UPDATE SKIP LOCKED,
// so two senders (two portals, the portal and `npm run notifications:send`) never take the
// same row. A row left SENDING by a sender that crashed is claimed again once its lease ran
// out (LEASE_MS).
//
// The edge that remains (at-least-once): a sender that crashes after the SMTP server accepted
// a message but before it recorded SENT sends it again after the lease. The message then
// carries the same Message-ID (fixed at enqueue), by which mail systems and clients recognise
// the copy. A crash between claim and send (the common case: SMTP down, process killed while
// connecting) sends the message exactly once.
import nodemailer from "nodemailer";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { mailSettings } from "./mail-settings";

export const MAX_ATTEMPTS = 12;
/** A claimed row nobody finished is taken again after this long (well above nodemailer's own timeouts). */
export const LEASE_MS = 10 * 60 * 1000;
const BACKOFF_BASE_MS = 60 * 1000;
const BACKOFF_MAX_MS = 6 * 60 * 60 * 1000;

/** Delay before attempt n+1 after n failed ones: 1, 2, 4 … minutes, at most 6 hours. */
export const backoffMs = (attempts: number) => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));

export type MailTransport = { sendMail(message: { from: string; to: string; subject: string; text: string; messageId: string; headers: Record<string, string> }): Promise<unknown> };

export type Claimed = { id: string; toAddress: string; subject: string; text: string; messageId: string; attempts: number; claimedAt: Date };

/** Takes up to `limit` due rows for this sender. */
export async function claimQueuedEmails(db: Db, now: Date = new Date(), limit = 20): Promise<Claimed[]> {
  const leaseEnded = new Date(now.getTime() - LEASE_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboundEmail" SET "state" = 'SENDING', "claimedAt" = ${now}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboundEmail"
      WHERE ("state" = 'PENDING' AND "nextAttemptAt" <= ${now}) OR ("state" = 'SENDING' AND "claimedAt" < ${leaseEnded})
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toAddress", "subject", "text", "messageId", "attempts", "claimedAt"`;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

export type DeliveryOptions = { transport?: MailTransport; from?: string; now?: Date; limit?: number };
export type DeliveryReport = { sent: number; retried: number; failed: number };

/** One pass: claims due rows and sends each; returns what happened. */
export async function deliverQueuedEmails(db: Db, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const settings = mailSettings();
  const transport = options.transport ?? (settings.smtpUrl ? smtpTransport(settings.smtpUrl) : null);
  const report = { sent: 0, retried: 0, failed: 0 };
  if (!transport) return report;
  const now = options.now ?? new Date();
  const claimed = await claimQueuedEmails(db, now, options.limit);
  for (const row of claimed) {
    // Only the sender holding this claim may finish it (claimedAt is its token).
    const ours = { id: row.id, state: "SENDING" as const, claimedAt: row.claimedAt };
    try {
      await transport.sendMail({ from: options.from ?? settings.from, to: row.toAddress, subject: row.subject, text: row.text, messageId: row.messageId, headers: { "X-SPBE-Queue-Id": row.id } });
      await db.outboundEmail.updateMany({ where: ours, data: { state: "SENT", sentAt: new Date(), lastError: null } });
      report.sent++;
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      await db.outboundEmail.updateMany({
        where: ours,
        data: giveUp ? { state: "FAILED", lastError } : { state: "PENDING", nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError },
      });
      if (giveUp) report.failed++;
      else report.retried++;
      log.warn("notification mail not sent", { outboundEmailId: row.id, attempts: row.attempts, giveUp, error: lastError });
    }
  }
  return report;
}
