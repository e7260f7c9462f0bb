// What the external-stage pages send: shared by the browser and the commands.
// A stage is recorded for many indicators at once; a form sends flat fields per indicator
// number ("level-5", "notes-5", "version-5"), and the version field marks the indicators
// the form showed (0: no row existed when the page was loaded).
import { z } from "zod";
import { hasForbiddenTextCharacters, id, line, text } from "./primitives";
import { messageKey } from "@/lib/i18n/message";

export const EXTERNAL_STAGES = ["DOCUMENT", "INTERVIEW", "VISITATION", "FINAL"] as const;
export type ExternalStage = (typeof EXTERNAL_STAGES)[number];

export const NOTES_MAX = 5000;
export const OBJECTION_REASON_MIN = 20;
const MAX_ENTRIES = 200;

const stage = z.enum(EXTERNAL_STAGES, { error: messageKey("external.stageInvalid") });
const indicatorNumber = z.coerce.number().int().min(1).max(999);

export type StageEntry = { number: number; level: string; notes: string; version: number };

const ENTRY_FIELD = /^(level|notes|version)-([1-9]\d{0,2})$/;

export const ZExternalStageRecord = z
  .object({ periodId: id, stage })
  .catchall(z.unknown())
  .transform(({ periodId, stage, ...fields }, context) => {
    const byNumber = new Map<number, Partial<Record<"level" | "notes" | "version", string>>>();
    for (const [key, value] of Object.entries(fields)) {
      const match = ENTRY_FIELD.exec(key);
      if (!match) continue;
      if (typeof value !== "string") {
        context.addIssue({ code: "custom", path: [key], message: messageKey("external.malformed") });
        continue;
      }
      if (hasForbiddenTextCharacters(value)) {
        context.addIssue({ code: "custom", path: [key], message: messageKey("forms.forbiddenCharacters") });
        continue;
      }
      const number = Number(match[2]);
      byNumber.set(number, { ...byNumber.get(number), [match[1]!]: value });
    }
    const entries: StageEntry[] = [];
    for (const [number, entry] of byNumber) {
      const version = entry.version === undefined ? NaN : Number(entry.version);
      if (!Number.isInteger(version) || version < 0) {
        context.addIssue({ code: "custom", path: [`level-${number}`], message: messageKey("external.malformed") });
        continue;
      }
      const notes = (entry.notes ?? "").trim();
      if (notes.length > NOTES_MAX) context.addIssue({ code: "custom", path: [`notes-${number}`], message: messageKey("external.notesTooLong") });
      entries.push({ number, level: (entry.level ?? "").trim(), notes, version });
    }
    if (entries.length === 0) context.addIssue({ code: "custom", path: ["stage"], message: messageKey("external.nothingSent") });
    if (entries.length > MAX_ENTRIES) context.addIssue({ code: "custom", path: ["stage"], message: messageKey("external.malformed") });
    return { periodId, stage, entries: entries.sort((a, b) => a.number - b.number) };
  });

export const ZObjectionSave = z.object({
  periodId: id,
  indicator: indicatorNumber,
  stage,
  reason: text().trim().min(OBJECTION_REASON_MIN, messageKey("external.reasonTooShort")).max(NOTES_MAX, messageKey("external.reasonTooLong")),
  status: z.enum(["DRAFT", "SUBMITTED"], { error: messageKey("external.statusInvalid") }),
});

export const ZObjectionDecide = z
  .object({
    periodId: id,
    indicator: indicatorNumber,
    stage,
    decision: z.enum(["ACCEPTED", "REJECTED"], { error: messageKey("external.decisionInvalid") }),
    // Issue 15: an accepted objection corrects the contested stage's level, with the reason.
    correctedLevel: line().trim().max(10).default(""),
    note: text().trim().max(NOTES_MAX, messageKey("external.reasonTooLong")).default(""),
  })
  .superRefine((value, context) => {
    if (value.decision === "ACCEPTED" && value.correctedLevel === "") context.addIssue({ code: "custom", path: ["correctedLevel"], message: messageKey("sanggah.correctedLevelRequired") });
  });
