// What the recommendation forms and the simulation's plan form send: shared by the
// browser and the commands. Levels arrive as typed ("3", "2,5") and are checked against
// the period's framework by the command, which knows the scale.
import { z } from "zod";
import { hasForbiddenLineCharacters, id, line, optionalCalendarDate, text, updatedAtVersion } from "./primitives";
import { messageKey } from "@/lib/i18n/message";

export const RECOMMENDATION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "DROPPED"] as const;
export const RECOMMENDATION_SOURCES = ["EXTERNAL", "INTERNAL"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const TEXT_MIN = 10;
export const TEXT_MAX = 2000;
export const NOTE_MAX = 1000;
const MAX_TARGETS = 200;

const indicatorNumber = z.coerce.number({ error: messageKey("recommendations.indicatorInvalid") }).int(messageKey("recommendations.indicatorInvalid")).min(1, messageKey("recommendations.indicatorInvalid")).max(999, messageKey("recommendations.indicatorInvalid"));
const status = z.enum(RECOMMENDATION_STATUSES, { error: messageKey("recommendations.statusInvalid") });
const source = z.enum(RECOMMENDATION_SOURCES, { error: messageKey("recommendations.sourceInvalid") });
const recommendationText = text().trim().min(TEXT_MIN, messageKey("recommendations.textInvalid")).max(TEXT_MAX, messageKey("recommendations.textInvalid"));
/** Empty: none (or, on create, the indicator's assigned unit). */
const ownerUnitId = line().trim().max(40).optional().transform((value) => value || null);
const targetLevel = line().trim().max(10).optional().transform((value) => value || null);

/** A calendar day, stored as midnight UTC like the period deadlines. */
const dueDate = optionalCalendarDate(messageKey("recommendations.dateInvalid"));

export const ZRecommendationCreate = z.object({
  periodId: id,
  indicator: indicatorNumber,
  source,
  text: recommendationText,
  ownerUnitId,
  dueDate,
  targetLevel,
  status: status.default("OPEN"),
});

export const ZRecommendationUpdate = z.object({
  recommendationId: id,
  version: updatedAtVersion,
  source,
  text: recommendationText,
  ownerUnitId,
  dueDate,
  targetLevel,
  status,
});

export const ZRecommendationStatus = z.object({ recommendationId: id, version: updatedAtVersion, status });

export type PlannedTarget = { number: number; level: string };

const TARGET_FIELD = /^target-([1-9]\d{0,2})$/;

/** The plan form sends one "target-<number>" field per raised indicator. */
export const ZPlanSave = z
  .object({
    periodId: id,
    dueDate,
    note: text().trim().max(NOTE_MAX, messageKey("simulation.noteTooLong")).optional().transform((value) => value || null),
  })
  .catchall(z.unknown())
  .transform(({ periodId, dueDate, note, ...fields }, context) => {
    const targets: PlannedTarget[] = [];
    for (const [key, value] of Object.entries(fields)) {
      const match = TARGET_FIELD.exec(key);
      if (!match) continue;
      if (typeof value !== "string" || value.trim() === "" || value.length > 10 || hasForbiddenLineCharacters(value)) {
        context.addIssue({ code: "custom", path: [key], message: messageKey("simulation.malformed") });
        continue;
      }
      targets.push({ number: Number(match[1]), level: value.trim() });
    }
    if (targets.length === 0) context.addIssue({ code: "custom", path: ["periodId"], message: messageKey("simulation.nothingPlanned") });
    if (targets.length > MAX_TARGETS) context.addIssue({ code: "custom", path: ["periodId"], message: messageKey("simulation.malformed") });
    return { periodId, dueDate, note, targets: targets.sort((a, b) => a.number - b.number) };
  });
