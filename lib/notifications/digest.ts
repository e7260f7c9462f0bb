// The daily deadline digest: one message a day per person and agency, never one per
// indicator. An Admin OPD hears of their unit's indicators not yet submitted whose fill
// deadline (the unit's own, lib/deadlines/effective.ts) is near or passed; a
// Koordinator of an objection deadline (batas sanggah) coming up. "A day" is the agency's
// calendar day (WIB/WITA/WIT); NotificationDigest records who got theirs, so the job can run
// every few minutes, from several processes, and still sends each person one a day.
import type { Db, DbTransaction } from "@/lib/db";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";
import type { NotificationType } from "@/lib/generated/prisma/client";
import { daysUntil, todayIn } from "@/lib/i18n/time-zone";
import { formatDate } from "@/lib/i18n/format";
import { msg } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";
import { effectiveDeadlines } from "@/lib/deadlines/effective";
import { absoluteLink, mailSettings } from "./mail-settings";
import { mailText, membersAmong, queuedEmail, wanting, type Recipient } from "./notify";

/** Days before a fill deadline from which it is in the digest. */
export const FILL_REMINDER_DAYS = 3;
/** Days before the objection deadline from which the Koordinator is reminded. */
export const OBJECTION_REMINDER_DAYS = 7;
const OPEN_STATUSES = new Set(["DRAFT", "NEEDS_CONFIRMATION", "NEEDS_REVISION"]);

type IndicatorItem = { periodId: string; number: number; name: string; unit: string; deadline: Date; days: number };
type ObjectionItem = { periodId: string; year: number; deadline: Date; days: number };
type PersonItems = { approaching: IndicatorItem[]; passed: IndicatorItem[]; objection: ObjectionItem[] };
type Agency = { id: string; name: string; timeZone: AgencyTimeZone };

async function collectItems(db: Db, agency: Agency, now: Date): Promise<Map<string, PersonItems>> {
  const items = new Map<string, PersonItems>();
  const itemsOf = (userId: string) => {
    let entry = items.get(userId);
    if (!entry) items.set(userId, (entry = { approaching: [], passed: [], objection: [] }));
    return entry;
  };
  const periods = await db.assessmentPeriod.findMany({ where: { instansiId: agency.id, phase: { in: ["PENGISIAN", "VERIFIKASI"] } }, select: { id: true, year: true, phase: true, fillDeadline: true, objectionDeadline: true } });
  for (const period of periods) {
    if (period.phase === "PENGISIAN") {
      const [deadlines, assignments, answers, admins] = await Promise.all([
        effectiveDeadlines(db, period),
        db.assignment.findMany({ where: { periodId: period.id }, select: { unitId: true, indicatorId: true, unit: { select: { name: true } }, indicator: { select: { number: true, name: true } } } }),
        db.answer.findMany({ where: { periodId: period.id, stage: "SELF" }, select: { indicatorId: true, status: true } }),
        db.membership.findMany({ where: { instansiId: agency.id, role: "ADMIN_OPD", isActive: true, unitId: { not: null } }, select: { userId: true, unitId: true } }),
      ]);
      const statusOf = new Map(answers.map((answer) => [answer.indicatorId, answer.status]));
      for (const assignment of assignments) {
        const status = statusOf.get(assignment.indicatorId);
        if (status !== undefined && !OPEN_STATUSES.has(status)) continue;
        const deadline = deadlines.of(assignment.unitId, assignment.indicatorId);
        if (!deadline) continue;
        const days = daysUntil(deadline, agency.timeZone, now);
        if (days > FILL_REMINDER_DAYS) continue;
        const item = { periodId: period.id, number: assignment.indicator.number ?? 0, name: assignment.indicator.name, unit: assignment.unit.name, deadline, days };
        for (const admin of admins.filter((member) => member.unitId === assignment.unitId)) itemsOf(admin.userId)[days < 0 ? "passed" : "approaching"].push(item);
      }
    }
    if (period.objectionDeadline) {
      const days = daysUntil(period.objectionDeadline, agency.timeZone, now);
      if (days >= 0 && days <= OBJECTION_REMINDER_DAYS) {
        const coordinators = await db.membership.findMany({ where: { instansiId: agency.id, role: "KOORDINATOR", isActive: true }, select: { userId: true } });
        for (const { userId } of coordinators) itemsOf(userId).objection.push({ periodId: period.id, year: period.year, deadline: period.objectionDeadline, days });
      }
    }
  }
  return items;
}

const TYPES: Record<keyof PersonItems, NotificationType> = { approaching: "DEADLINE_APPROACHING", passed: "DEADLINE_PASSED", objection: "OBJECTION_DEADLINE" };

async function deliverDigest(tx: DbTransaction, agency: Agency, recipient: Recipient, items: PersonItems, day: Date): Promise<boolean> {
  const { count } = await tx.notificationDigest.createMany({ data: [{ userId: recipient.id, instansiId: agency.id, day }], skipDuplicates: true });
  if (count === 0) return false;
  const kinds = (Object.keys(TYPES) as (keyof PersonItems)[]).filter((kind) => items[kind].length > 0);
  const locale = recipient.locale;
  const dateText = (date: Date) => formatDate(date, locale, agency.timeZone);
  const soonest = (list: IndicatorItem[]) => Math.max(0, Math.min(...list.map((item) => item.days)));
  for (const kind of kinds) {
    const type = TYPES[kind];
    if (!(await wanting(tx, [recipient.id], [type], "IN_APP")).has(recipient.id)) continue;
    const first = items[kind][0]!;
    const message =
      kind === "objection"
        ? msg("notifications.events.objectionDeadline", { year: items.objection[0]!.year, days: items.objection[0]!.days, date: dateText(items.objection[0]!.deadline) })
        : msg(kind === "approaching" ? "notifications.events.deadlineApproaching" : "notifications.events.deadlinePassed", { count: items[kind].length, days: kind === "approaching" ? soonest(items.approaching) : 0 });
    const link = kind === "objection" ? `/periode/${first.periodId}/eksternal` : `/periode/${first.periodId}/indikator`;
    await tx.notification.create({ data: { userId: recipient.id, instansiId: agency.id, type, messageKey: message.key, params: JSON.parse(JSON.stringify(message.params ?? {})), link } });
  }

  const settings = mailSettings();
  if (!settings.enabled) return true;
  const wanted: (keyof PersonItems)[] = [];
  for (const kind of kinds) if ((await wanting(tx, [recipient.id], [TYPES[kind]], "EMAIL")).has(recipient.id)) wanted.push(kind);
  if (wanted.length === 0) return true;
  const today = dateText(day);
  const body = [render(msg("notifications.mail.digestIntro", { date: today, zone: agency.timeZone }), locale)];
  const headings = { approaching: "notifications.mail.digestApproaching", passed: "notifications.mail.digestPassed", objection: "notifications.mail.digestObjection" } as const;
  for (const kind of wanted) {
    body.push("", render(msg(headings[kind]), locale));
    if (kind === "objection") {
      for (const item of items.objection) body.push(render(msg("notifications.mail.digestObjectionLine", { year: item.year, date: dateText(item.deadline), days: item.days, url: absoluteLink(settings, `/periode/${item.periodId}/eksternal`) }), locale));
    } else {
      for (const item of [...items[kind]].sort((a, b) => a.days - b.days || a.number - b.number)) {
        body.push(render(msg("notifications.mail.digestIndicator", { number: item.number, indicator: item.name, unit: item.unit, deadline: dateText(item.deadline), url: absoluteLink(settings, `/periode/${item.periodId}/indikator/${item.number}`) }), locale));
      }
    }
  }
  const subject = render(msg("notifications.mail.subjects.digest", { date: today }), locale);
  await tx.outboundEmail.create({ data: queuedEmail(settings, recipient, agency.id, subject, mailText(settings, recipient, agency.name, body)) });
  return true;
}

/** Makes today's digests that are not made yet; returns how many people got one. */
export async function runDeadlineDigest(db: Db, now: Date = new Date()): Promise<number> {
  const agencies = await db.instansi.findMany({ where: { isActive: true }, select: { id: true, name: true, timeZone: true } });
  let delivered = 0;
  for (const agency of agencies) {
    const items = await collectItems(db, agency, now);
    if (items.size === 0) continue;
    const day = todayIn(agency.timeZone, now);
    const already = new Set((await db.notificationDigest.findMany({ where: { instansiId: agency.id, day, userId: { in: [...items.keys()] } }, select: { userId: true } })).map((row) => row.userId));
    const recipients = await membersAmong(db, agency.id, [...items.keys()].filter((userId) => !already.has(userId)));
    for (const recipient of recipients) {
      // One transaction per person: the record of the digest and its messages commit together.
      if (await db.$transaction((tx) => deliverDigest(tx, agency, recipient, items.get(recipient.id)!, day))) delivered++;
    }
  }
  return delivered;
}
