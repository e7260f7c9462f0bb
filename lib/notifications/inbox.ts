// A person's notifications in the portal: the list, the unread count of the bell, marking
// read, and their settings per type and channel. Always the signed-in person's own rows in
// the agency they act for: nobody reads or marks anybody else's.
import type { DbClient } from "@/lib/db";
import { defineCommand } from "@/lib/command";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { NotificationChannel, NotificationType } from "@/lib/generated/prisma/client";
import { msg, type Message, type MessageKey, type MessageParams } from "@/lib/i18n/message";
import { assertCanInOwnInstansi, can, type Actor } from "@/lib/policy";
import { ZNotificationPreferences, ZNotificationRead, ZNotificationReadAll } from "@/lib/validation/notifications";
import { localeOf, NOTIFICATION_TYPES } from "./notify";

const LIST_SIZE = 100;

const ownRows = (actor: Actor) => ({ userId: actor.userId, instansiId: actor.active.instansiId ?? "" });

/** The bell's number; 0 for someone who reads no agency's notifications (the superadmin). */
export async function unreadNotificationCount(db: DbClient, actor: Actor | null): Promise<number> {
  if (!actor?.active.instansiId || !can(actor, "notification.read-own", { instansiId: actor.active.instansiId })) return 0;
  return db.notification.count({ where: { ...ownRows(actor), readAt: null } });
}

export type NotificationItem = { id: string; type: NotificationType; message: Message; link: string; createdAt: Date; readAt: Date | null };

export async function listNotifications(db: DbClient, actor: Actor): Promise<NotificationItem[]> {
  assertCanInOwnInstansi(actor, "notification.read-own");
  const rows = await db.notification.findMany({ where: ownRows(actor), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIST_SIZE });
  return rows.map((row) => ({ id: row.id, type: row.type, message: { key: row.messageKey as MessageKey, params: row.params as MessageParams }, link: row.link, createdAt: row.createdAt, readAt: row.readAt }));
}

export type NotificationSettings = { locale: "id" | "en"; enabled: Record<NotificationChannel, Set<NotificationType>> };

export async function notificationSettings(db: DbClient, actor: Actor): Promise<NotificationSettings> {
  assertCanInOwnInstansi(actor, "notification.read-own");
  const [user, refusals] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } }),
    db.notificationPreference.findMany({ where: { userId: actor.userId, enabled: false } }),
  ]);
  const off = (channel: NotificationChannel) => new Set(refusals.filter((row) => row.channel === channel).map((row) => row.type));
  const on = (channel: NotificationChannel) => new Set(NOTIFICATION_TYPES.filter((type) => !off(channel).has(type)));
  return { locale: localeOf(user.locale), enabled: { IN_APP: on("IN_APP"), EMAIL: on("EMAIL") } };
}

export const markNotificationRead = defineCommand({
  name: "notification.read",
  input: ZNotificationRead,
  async run({ tx, actor, request }, { notificationId }) {
    const instansiId = assertCanInOwnInstansi(actor, "notification.read-own");
    const { count } = await tx.notification.updateMany({ where: { id: notificationId, ...ownRows(actor), readAt: null }, data: { readAt: new Date() } });
    if (count === 0 && !(await tx.notification.findFirst({ where: { id: notificationId, ...ownRows(actor) }, select: { id: true } }))) {
      throw new AppError("not_found", { message: msg("notifications.notFound") });
    }
    await writeAudit(tx, request, { action: "notification.read", entityType: "Notification", entityId: notificationId, instansiId });
    return { message: msg("notifications.markedRead") };
  },
});

export const markAllNotificationsRead = defineCommand({
  name: "notification.read-all",
  input: ZNotificationReadAll,
  async run({ tx, actor, request }) {
    const instansiId = assertCanInOwnInstansi(actor, "notification.read-own");
    const { count } = await tx.notification.updateMany({ where: { ...ownRows(actor), readAt: null }, data: { readAt: new Date() } });
    await writeAudit(tx, request, { action: "notification.read-all", entityType: "User", entityId: actor.userId, instansiId, after: { count } });
    return { message: msg("notifications.markedAllRead", { count }) };
  },
});

export const saveNotificationPreferences = defineCommand({
  name: "notification.preferences",
  input: ZNotificationPreferences,
  async run({ tx, actor, request }, input) {
    const instansiId = assertCanInOwnInstansi(actor, "notification.read-own");
    const chosen: Record<NotificationChannel, Set<NotificationType>> = { IN_APP: new Set(input.inApp), EMAIL: new Set(input.email) };
    const rows = (["IN_APP", "EMAIL"] as const).flatMap((channel) => NOTIFICATION_TYPES.map((type) => ({ userId: actor.userId, type, channel, enabled: chosen[channel].has(type) })));
    await tx.notificationPreference.deleteMany({ where: { userId: actor.userId } });
    await tx.notificationPreference.createMany({ data: rows });
    await tx.user.update({ where: { id: actor.userId }, data: { locale: input.locale } });
    await writeAudit(tx, request, { action: "notification.preferences", entityType: "User", entityId: actor.userId, instansiId, after: { inApp: input.inApp, email: input.email, locale: input.locale } });
    return { message: msg("notifications.preferences.saved") };
  },
});
