// What the butir forms send: evidence per butir, and per-butir statuses as parallel lists
// (one select and one note per butir in the same form, in the same order).
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message";
import { id, line, text } from "./primitives";

export const BUTIR_NOTE_MAX = 2000;
const butirCode = line().trim().min(1).max(20);

// No version from the page: a butir link adds or removes one item and overwrites nothing;
// the answer's version still moves, so an open form saving an older evidence list conflicts.
export const ZButirEvidence = z.object({ periodId: id, indicatorId: id, butirCode, evidenceId: id });

/** Per-butir statuses; an empty status leaves that butir as it is. */
export const ZButirStatusLists = z.object({
  butirCodes: z.array(butirCode).max(100).default([]),
  butirStatuses: z.array(line().trim().max(60)).max(100).default([]),
  butirNotes: z.array(text().trim().max(BUTIR_NOTE_MAX, messageKey("butir.noteTooLong"))).max(100).default([]),
});

export const ZButirStage = z
  .object({ periodId: id, indicatorId: id, stage: z.enum(["DOCUMENT", "INTERVIEW", "VISITATION", "FINAL"], { error: messageKey("butir.stageRequired") }) })
  .extend(ZButirStatusLists.shape);

export type ButirStatusRow = { code: string; status: string; kind: string | null; note: string | null };

/** The filled-in rows of the parallel lists: "diterima" or "revisi:<kind>" per code. */
export function butirStatusRows(lists: z.output<typeof ZButirStatusLists>): ButirStatusRow[] {
  return lists.butirCodes.flatMap((code, index) => {
    const value = lists.butirStatuses[index] ?? "";
    if (value === "") return [];
    const [status, kind] = value.split(":", 2) as [string, string | undefined];
    return [{ code, status, kind: kind ?? null, note: lists.butirNotes[index] || null }];
  });
}
