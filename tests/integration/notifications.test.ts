// Notifications against a real SMTP server on loopback (smtp-server): events are written in
// the transaction of the command that caused them (and not at all when it rolls back), the
// queue sends each mail in the recipient's language with a link back, survives an SMTP
// outage (retry with backoff), sends once after a crash between claim and send, the daily
// digest comes once per person per day and follows per-unit deadlines, and nobody in another
// agency ever receives anything about this one.
import { beforeAll, afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Mail is queued only with an SMTP server configured; the tests pass the real one's port to the sender.
  process.env.SMTP_URL = "smtp://127.0.0.1:9";
  process.env.PUBLIC_URL = "https://spbe.contoh.go.id";
  process.env.MAIL_FROM = "SPBE Mandiri <spbe@contoh.go.id>";
});

import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineCommand, executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { writeAudit } from "@/lib/audit";
import { claimQueuedEmails, deliverQueuedEmails, LEASE_MS, type MailTransport } from "@/lib/notifications/mail-queue";
import { notifyPhaseChange } from "@/lib/notifications/events";
import { runDeadlineDigest } from "@/lib/notifications/digest";
import { todayIn } from "@/lib/i18n/time-zone";
import { ZNotificationReadAll } from "@/lib/validation/notifications";
import type { Actor } from "@/lib/policy";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";

let sink: SmtpSink;
let transport: MailTransport;
let fixtures: Fixtures;
let owner: Actor;
let asesor: Actor;
let koordinator: Actor;

beforeAll(async () => {
  sink = await startSmtpSink();
  transport = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true, connectionTimeout: 2_000, greetingTimeout: 2_000 });
});
afterAll(async () => {
  await sink.close().catch(() => {});
});

beforeEach(async () => {
  sink.received.length = 0;
  await resetDatabase();
  fixtures = await createFixtures();
  [owner, asesor, koordinator] = await Promise.all([actorFor(fixtures, "ADMIN_OPD"), actorFor(fixtures, "ASESOR"), actorFor(fixtures, "KOORDINATOR")]);
});

const run = (command: Command, input: unknown, actor: Actor) => executeCommand(db, command, actor, requestContext, input);
const indicator = (number: number) => fixtures.framework.indicatorIds[number]!;
const deliver = (now = new Date()) => deliverQueuedEmails(db, { transport, now });

async function submittedAnswer(number = 1) {
  return db.answer.create({
    data: { periodId: fixtures.home.periodId, indicatorId: indicator(number), stage: "SELF", level: "2", explanation: "Fakta: Perbup 12/2024. Analisis: kriteria tingkat 2 terpenuhi.", status: "SUBMITTED" },
  });
}

async function sendBack(answerId: string) {
  return run(COMMANDS.verifyAnswer, { periodId: fixtures.home.periodId, answerId, version: 1, decision: "NEEDS_REVISION", verifiedLevel: "1", notes: "Lampirkan SK." }, asesor);
}

describe("events", () => {
  it("an answer sent back reaches its owner in the portal and by e-mail, in Bahasa Indonesia with a link back", async () => {
    const answer = await submittedAnswer();
    await sendBack(answer.id);

    const inApp = await db.notification.findMany({ where: { type: "ANSWER_SENT_BACK" } });
    expect(inApp.map((row) => [row.userId, row.link])).toEqual([[fixtures.home.userIds.ADMIN_OPD, `/periode/${fixtures.home.periodId}/indikator/1`]]);

    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail!.to).toEqual(["admin_opd@rumah.uji"]);
    expect(mail!.subject).toBe("Jawaban dikembalikan: indikator 1");
    expect(mail!.text).toContain("Yth. ADMIN_OPD rumah,");
    expect(mail!.text).toContain("dikembalikan untuk perbaikan oleh ASESOR rumah");
    expect(mail!.text).toContain(`Buka di portal: https://spbe.contoh.go.id/periode/${fixtures.home.periodId}/indikator/1`);
    expect(mail!.headers.get("from")).toContain("spbe@contoh.go.id");
    const row = await db.outboundEmail.findFirstOrThrow();
    expect([row.state, row.attempts, mail!.messageId]).toEqual(["SENT", 1, row.messageId]);
  });

  it("follows the person's language and their choice per type and channel", async () => {
    await run(COMMANDS.saveNotificationPreferences, { inApp: ["ANSWER_SENT_BACK"], email: ["ANSWER_VERIFIED"], locale: "en" }, owner);
    const first = await submittedAnswer(1);
    await sendBack(first.id);
    const second = await submittedAnswer(2);
    await run(COMMANDS.verifyAnswer, { periodId: fixtures.home.periodId, answerId: second.id, version: 1, decision: "VERIFIED", verifiedLevel: "2" }, asesor);

    // Sent back: in the portal only; verified: by e-mail only.
    expect((await db.notification.findMany({ where: { userId: owner.userId } })).map((row) => row.type)).toEqual(["ANSWER_SENT_BACK"]);
    await deliver();
    expect(sink.received.map((mail) => [mail.to[0], mail.subject])).toEqual([["admin_opd@rumah.uji", "Answer verified: indicator 2"]]);
    expect(sink.received[0]!.text).toContain("Dear ADMIN_OPD rumah,");
    expect(sink.received[0]!.text).toContain("was verified by ASESOR rumah");
  });

  it("a mention in a comment reaches the person mentioned; a person of another agency cannot be mentioned", async () => {
    await run(COMMANDS.addComment, { periodId: fixtures.home.periodId, indicatorId: indicator(1), body: "Mohon dicek dasar hukumnya.", mentions: [fixtures.home.userIds.KOORDINATOR] }, asesor);
    const mention = await db.notification.findFirstOrThrow({ where: { type: "MENTION" } });
    expect(mention.userId).toBe(fixtures.home.userIds.KOORDINATOR);
    expect(mention.link).toBe(`/periode/${fixtures.home.periodId}/indikator/1`);

    const refused = await run(COMMANDS.addComment, { periodId: fixtures.home.periodId, indicatorId: indicator(1), body: "Halo", mentions: [fixtures.other.userIds.KOORDINATOR] }, asesor).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(await db.notification.count({ where: { userId: fixtures.other.userIds.KOORDINATOR } })).toBe(0);
  });

  it("an assignment and a phase change reach the people concerned, never the actor", async () => {
    const stored = await db.assignment.findMany({ where: { periodId: fixtures.home.periodId }, select: { indicatorId: true, unitId: true } });
    const { assignmentVersion } = await import("@/lib/assessment/assignments");
    const version = assignmentVersion(stored.map((row) => ({ ...row, assignees: [] })));
    const pairs = [...stored.map((row) => `${row.indicatorId}:${row.unitId}`), `${indicator(5)}:${fixtures.home.unitIds[0]}`, `${indicator(6)}:${fixtures.home.unitIds[0]}`];
    await run(COMMANDS.saveAssignments, { periodId: fixtures.home.periodId, version, pairs }, koordinator);
    const assignment = await db.notification.findFirstOrThrow({ where: { type: "ASSIGNMENT" } });
    expect(assignment.userId).toBe(owner.userId);
    expect(assignment.params).toMatchObject({ count: 2, year: 2026 });

    await run(COMMANDS.advancePeriodPhase, { periodId: fixtures.home.periodId, version: 1 }, koordinator);
    const phase = await db.notification.findMany({ where: { type: "PHASE_CHANGED" }, select: { userId: true } });
    expect(phase.map((row) => row.userId).sort()).toEqual([fixtures.home.userIds.ASESOR, fixtures.home.userIds.ADMIN_OPD, fixtures.home.userIds.PIMPINAN].sort());
  });

  it("a command that rolls back leaves no notification and no queued mail", async () => {
    const failing = defineCommand({
      name: "uji.gagal",
      input: ZNotificationReadAll,
      async run({ tx, actor, request }) {
        const period = await tx.assessmentPeriod.findUniqueOrThrow({ where: { id: fixtures.home.periodId } });
        await notifyPhaseChange(tx, period, "VERIFIKASI", actor.userId);
        await writeAudit(tx, request, { action: "uji.gagal", entityType: "AssessmentPeriod", entityId: period.id, instansiId: period.instansiId });
        throw new AppError("conflict");
      },
    });
    await expect(run(failing, {}, koordinator)).rejects.toBeInstanceOf(AppError);
    expect([await db.notification.count(), await db.outboundEmail.count()]).toEqual([0, 0]);
  });
});

describe("the queue", () => {
  it("keeps the mail while the SMTP server is down and sends it once it is back, after the backoff", async () => {
    await sendBack((await submittedAnswer()).id);
    await sink.close();
    const now = new Date();
    expect(await deliver(now)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await db.outboundEmail.findFirstOrThrow();
    expect([waiting.state, waiting.attempts, waiting.nextAttemptAt.getTime() - now.getTime()]).toEqual(["PENDING", 1, 60_000]);
    expect(waiting.lastError).toBeTruthy();

    await sink.listen();
    // Not due yet: nothing is tried before the backoff ran out.
    expect(await deliver(new Date(now.getTime() + 30_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliver(new Date(now.getTime() + 61_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
    expect((await db.outboundEmail.findFirstOrThrow()).state).toBe("SENT");
    expect(await deliver(new Date(now.getTime() + 3_600_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it("after a crash between claim and send, the mail goes out exactly once when the lease has run out", async () => {
    await sendBack((await submittedAnswer()).id);
    const now = new Date();
    // The crashed sender: it claimed the row and never sent it.
    expect(await claimQueuedEmails(db, now)).toHaveLength(1);
    expect(await deliver(new Date(now.getTime() + 60_000))).toEqual({ sent: 0, retried: 0, failed: 0 });

    // Two senders at once after the lease: SKIP LOCKED gives the row to one of them.
    const later = new Date(now.getTime() + LEASE_MS + 1_000);
    const reports = await Promise.all([deliver(later), deliver(later)]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(1);
    expect(await deliver(new Date(later.getTime() + LEASE_MS * 2))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(1);
    const row = await db.outboundEmail.findFirstOrThrow();
    expect([row.state, row.attempts, sink.received[0]!.messageId]).toEqual(["SENT", 2, row.messageId]);
  });
});

describe("the daily digest", () => {
  const DAY = 86_400_000;

  it("sends one mail a day per person listing every open indicator near its deadline, in the agency's day", async () => {
    const now = new Date();
    const today = todayIn("WIB", now);
    await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { fillDeadline: new Date(today.getTime() + 2 * DAY) } });
    await db.assessmentPeriod.update({ where: { id: fixtures.other.periodId }, data: { fillDeadline: new Date(today.getTime() + 2 * DAY) } });
    // Indicator 2 is already submitted: not in the digest.
    await submittedAnswer(2);

    expect(await runDeadlineDigest(db, now)).toBe(2);
    expect(await runDeadlineDigest(db, now)).toBe(0);
    expect(await runDeadlineDigest(db, new Date(now.getTime() + 60_000))).toBe(0);
    await deliver();

    const home = sink.received.filter((mail) => mail.to[0] === "admin_opd@rumah.uji");
    expect(home).toHaveLength(1);
    expect(home[0]!.subject).toMatch(/^Ringkasan tenggat SPBE Mandiri, /);
    expect(home[0]!.text).toContain("Tenggat mendekat");
    expect(home[0]!.text).toMatch(/- Indikator 1\. .+ \(Unit A rumah\): tenggat /);
    expect(home[0]!.text).toMatch(/- Indikator 3\. /);
    expect(home[0]!.text).not.toMatch(/- Indikator 2\. /);
    expect(home[0]!.text).toContain(`https://spbe.contoh.go.id/periode/${fixtures.home.periodId}/indikator/1`);
    // The other agency's Admin OPD gets theirs, about their agency only.
    const other = sink.received.filter((mail) => mail.to[0] === "admin_opd@tetangga.uji");
    expect(other).toHaveLength(1);
    expect(other[0]!.text).not.toContain(fixtures.home.periodId);
    expect(other[0]!.text).toContain("Instansi tetangga");

    const inApp = await db.notification.findMany({ where: { userId: owner.userId } });
    expect(inApp.map((row) => [row.type, row.params])).toEqual([["DEADLINE_APPROACHING", { count: 2, days: 2 }]]);

    // The next day (in the agency's zone) brings the next digest.
    expect(await runDeadlineDigest(db, new Date(now.getTime() + DAY))).toBe(2);
  });

  it("follows a unit's own earlier deadline, and reminds the Koordinator of the objection deadline", async () => {
    const now = new Date();
    const today = todayIn("WIB", now);
    await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { fillDeadline: new Date(today.getTime() + 30 * DAY), objectionDeadline: new Date(today.getTime() + 5 * DAY) } });
    expect(await runDeadlineDigest(db, now)).toBe(1);
    expect(await db.notification.findMany({ where: { userId: owner.userId } })).toEqual([]);

    await db.notificationDigest.deleteMany();
    await db.unitDeadline.create({ data: { periodId: fixtures.home.periodId, unitId: fixtures.home.unitIds[0], fillDeadline: new Date(today.getTime() - DAY) } });
    await db.notification.deleteMany();
    expect(await runDeadlineDigest(db, now)).toBe(2);
    await deliver();
    const ownerMail = sink.received.find((mail) => mail.to[0] === "admin_opd@rumah.uji");
    expect(ownerMail!.text).toContain("Tenggat terlewat");
    const coordinatorMail = sink.received.find((mail) => mail.to[0] === "koordinator@rumah.uji");
    expect(coordinatorMail!.text).toMatch(/- Periode 2026: batas sanggah .+, 5 hari lagi\./);
  });
});

describe("another agency", () => {
  it("never receives anything about this one", async () => {
    const answer = await submittedAnswer();
    await sendBack(answer.id);
    await run(COMMANDS.advancePeriodPhase, { periodId: fixtures.home.periodId, version: 1 }, koordinator);
    await run(COMMANDS.addComment, { periodId: fixtures.home.periodId, indicatorId: indicator(1), body: "Catatan", mentions: [fixtures.home.userIds.PIMPINAN] }, koordinator);
    // A person with a membership in both agencies acting for the other one sees nothing of this one.
    await db.membership.create({ data: { userId: fixtures.other.userIds.ASESOR, instansiId: fixtures.home.instansiId, role: "PIMPINAN", isActive: false } });
    await deliver();

    const otherIds = Object.values(fixtures.other.userIds);
    expect(await db.notification.count({ where: { OR: [{ userId: { in: otherIds } }, { instansiId: fixtures.other.instansiId }] } })).toBe(0);
    expect(sink.received.length).toBeGreaterThan(0);
    expect(sink.received.flatMap((mail) => mail.to).filter((address) => address.endsWith("@tetangga.uji"))).toEqual([]);
  });
});
