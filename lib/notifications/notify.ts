// Creating notifications. A command calls notify() inside its own transaction, so an event
// exists exactly when the change that caused it committed. Each recipient gets an in-app
// notification and, unless they turned it off, an e-mail queued in the same transaction
// (OutboundEmail, sent later by lib/notifications/mail-queue.ts), rendered in their language.
import { randomUUID } from "node:crypto";
import type { DbClient, DbTransaction } from "@/lib/db";
import type { NotificationChannel, NotificationType } from "@/lib/generated/prisma/client";
import type { Message } from "@/lib/i18n/message";
import { isLocale, type Locale } from "@/lib/i18n/messages";
import { render } from "@/lib/i18n/render";
import { absoluteLink, mailSettings, type MailSettings } from "./mail-settings";

export type NotificationEvent = {
  /** The agency the event happened in: only its active members can receive it. */
  instansiId: string;
  type: NotificationType;
  recipientIds: readonly string[];
  message: Message;
  /** The subject line of the e-mail; the body is the message with the link. */
  subject: Message;
  link: string;
  /** The person whose action caused the event is not told about it. */
  actorId?: string | null;
};

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  "ASSIGNMENT",
  "DEADLINE_APPROACHING",
  "DEADLINE_PASSED",
  "ANSWER_SENT_BACK",
  "MENTION",
  "ANSWER_VERIFIED",
  "PHASE_CHANGED",
  "OBJECTION_DEADLINE",
];

export const localeOf = (value: string | null | undefined): Locale => (isLocale(value ?? undefined) ? (value as Locale) : "id");

export type Recipient = { id: string; name: string; email: string; locale: Locale };

/**
 * The given people who are active members of the agency. Every event passes through this,
 * so a wrong id from a caller can never reach a person of another agency.
 */
export async function membersAmong(tx: DbClient, instansiId: string, userIds: readonly string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(userIds)] }, isActive: true, memberships: { some: { instansiId, isActive: true } } },
    select: { id: true, name: true, email: true, locale: true },
    orderBy: { id: "asc" },
  });
  return users.map((user) => ({ ...user, locale: localeOf(user.locale) }));
}

/** Which of the people want this type on this channel (no row: yes). */
export async function wanting(tx: DbClient, userIds: readonly string[], types: readonly NotificationType[], channel: NotificationChannel): Promise<Set<string>> {
  const refusals = await tx.notificationPreference.findMany({ where: { userId: { in: [...userIds] }, type: { in: [...types] }, channel, enabled: false }, select: { userId: true, type: true } });
  const refused = new Map<string, Set<NotificationType>>();
  for (const row of refusals) refused.set(row.userId, (refused.get(row.userId) ?? new Set()).add(row.type));
  // A person wants the message when at least one of its types is still on.
  return new Set(userIds.filter((userId) => types.some((type) => !refused.get(userId)?.has(type))));
}

/** The text of an e-mail: greeting, body, footer with the agency and the settings link. */
export function mailText(settings: MailSettings, recipient: Recipient, agencyName: string, body: readonly string[]): string {
  const locale = recipient.locale;
  return [
    render({ key: "notifications.mail.greeting", params: { name: recipient.name } }, locale),
    "",
    ...body,
    "",
    "-- ",
    render({ key: "notifications.mail.footer", params: { agency: agencyName, url: absoluteLink(settings, "/pemberitahuan") } }, locale),
    "",
  ].join("\n");
}

/** A queue row for one e-mail; its Message-ID is fixed now, before any attempt. */
export function queuedEmail(settings: MailSettings, recipient: Recipient, instansiId: string, subject: string, text: string) {
  const id = randomUUID();
  const host = new URL(settings.publicUrl).hostname || "localhost";
  return { id, userId: recipient.id, instansiId, toAddress: recipient.email, subject, text, messageId: `<${id}@${host}>` };
}

export async function notify(tx: DbTransaction, event: NotificationEvent): Promise<void> {
  const recipients = (await membersAmong(tx, event.instansiId, event.recipientIds)).filter((recipient) => recipient.id !== event.actorId);
  if (recipients.length === 0) return;
  const ids = recipients.map((recipient) => recipient.id);
  const inApp = await wanting(tx, ids, [event.type], "IN_APP");
  const params = JSON.parse(JSON.stringify(event.message.params ?? {}));
  await tx.notification.createMany({
    data: recipients
      .filter((recipient) => inApp.has(recipient.id))
      .map((recipient) => ({ userId: recipient.id, instansiId: event.instansiId, type: event.type, messageKey: event.message.key, params, link: event.link })),
  });

  const settings = mailSettings();
  if (!settings.enabled) return;
  const byMail = await wanting(tx, ids, [event.type], "EMAIL");
  if (byMail.size === 0) return;
  const agency = await tx.instansi.findUniqueOrThrow({ where: { id: event.instansiId }, select: { name: true } });
  await tx.outboundEmail.createMany({
    data: recipients
      .filter((recipient) => byMail.has(recipient.id))
      .map((recipient) => {
        const body = [render(event.message, recipient.locale), "", render({ key: "notifications.mail.openLink", params: { url: absoluteLink(settings, event.link) } }, recipient.locale)];
        return queuedEmail(settings, recipient, event.instansiId, render(event.subject, recipient.locale), mailText(settings, recipient, agency.name, body));
      }),
  });
}

/**
 * The people who answer for an indicator: the active Admin OPDs of the units it is assigned
 * to in the period (the named assignees are among them).
 */
export async function indicatorOwnerIds(tx: DbClient, periodId: string, indicatorId: string): Promise<string[]> {
  const assignments = await tx.assignment.findMany({ where: { periodId, indicatorId }, select: { unitId: true } });
  return unitAdminIds(tx, assignments.map((assignment) => assignment.unitId));
}

export async function unitAdminIds(tx: DbClient, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const members = await tx.membership.findMany({ where: { unitId: { in: [...unitIds] }, role: "ADMIN_OPD", isActive: true }, select: { userId: true } });
  return [...new Set(members.map((member) => member.userId))];
}

/** Every active member of the agency (a period's phase concerns everybody working in it). */
export async function agencyMemberIds(tx: DbClient, instansiId: string): Promise<string[]> {
  const members = await tx.membership.findMany({ where: { instansiId, isActive: true }, select: { userId: true } });
  return [...new Set(members.map((member) => member.userId))];
}
