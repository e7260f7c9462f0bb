// Inputs of the notification list and settings, and of per-unit deadlines (which the reminders follow).
import { z } from "zod";
import { id, line, optionalCalendarDate } from "./primitives";
import { messageKey } from "@/lib/i18n/message";

const TYPE = z.enum(["ASSIGNMENT", "DEADLINE_APPROACHING", "DEADLINE_PASSED", "ANSWER_SENT_BACK", "MENTION", "ANSWER_VERIFIED", "PHASE_CHANGED", "OBJECTION_DEADLINE"]);

export const ZNotificationRead = z.object({ notificationId: id });
export const ZNotificationReadAll = z.object({});

/** The settings form: the checked types per channel (unchecked boxes are not sent) and the mail language. */
export const ZNotificationPreferences = z.object({
  inApp: z.array(TYPE).max(20).default([]),
  email: z.array(TYPE).max(20).default([]),
  locale: z.enum(["id", "en"]),
});

/** A unit's (or one of its indicators') own fill deadline; an empty date removes it. */
export const ZUnitDeadlineSet = z.object({
  periodId: id,
  unitId: id,
  indicatorId: line().trim().max(40).default(""),
  fillDeadline: optionalCalendarDate(messageKey("unitDeadlines.dateInvalid")),
});
