// What the indicator form sends: shared by the browser and the commands.
import { z } from "zod";
import { httpUrl, id, line, text, version } from "./primitives";
import { messageKey } from "@/lib/i18n/message";
import { ZButirStatusLists } from "./butir";

export const EXPLANATION_MAX = 20_000;
export const EXPLANATION_MIN_TO_SUBMIT = 20;
export const WAIVER_MIN = 10;

export const ZAnswerSave = z.object({
  periodId: id,
  indicatorId: id,
  version,
  level: line().trim().max(10).default(""),
  explanation: text().max(EXPLANATION_MAX, messageKey("answers.explanationTooLong")).default(""),
  evidenceWaiverReason: text().trim().max(2000, messageKey("answers.waiverTooLong")).default(""),
  evidenceIds: z.array(id).max(100).default([]),
});

export const ZAnswerSubmit = z.object({ periodId: id, indicatorId: id, version });

export const ZAnswerVerify = z
  .object({
    periodId: id,
    answerId: id,
    version,
    decision: z.enum(["VERIFIED", "NEEDS_REVISION"], { error: messageKey("answers.decisionRequired") }),
    verifiedLevel: line().trim().max(10).default(""),
    notes: text().trim().max(5000, messageKey("answers.notesTooLong")).default(""),
    // The butir statuses of this round, for frameworks with butir (lib/assessment/butir.ts).
    ...ZButirStatusLists.shape,
  })
  .superRefine((value, context) => {
    if (value.decision === "NEEDS_REVISION" && value.notes.length < 10) context.addIssue({ code: "custom", path: ["notes"], message: messageKey("answers.notesRequired") });
    if (value.decision === "VERIFIED" && value.verifiedLevel === "") context.addIssue({ code: "custom", path: ["verifiedLevel"], message: messageKey("answers.verifiedLevelRequired") });
  });

/** The owner takes a submission back (issue 15): the version they saw. */
export const ZAnswerWithdraw = z.object({ periodId: id, indicatorId: id, version });

/** The Asesor returns a verified answer for a correction, saying what to correct. */
export const ZAnswerReturn = z.object({
  periodId: id,
  answerId: id,
  version,
  notes: text().trim().min(10, messageKey("corrections.returnNotesRequired")).max(5000, messageKey("answers.notesTooLong")),
});

export const ZCommentCreate = z.object({
  periodId: id,
  indicatorId: id,
  body: text().trim().min(1, messageKey("answers.commentEmpty")).max(5000, messageKey("answers.commentTooLong")),
  mentions: z.array(id).max(20).default([]),
});

export const ZLinkEvidenceAdd = z.object({
  periodId: id,
  indicatorId: id,
  title: line().trim().min(3, messageKey("answers.linkTitleInvalid")).max(200, messageKey("answers.linkTitleInvalid")),
  url: httpUrl(messageKey("answers.linkUrlInvalid")),
});
