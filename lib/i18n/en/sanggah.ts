import type { sanggah as sanggahId } from "../id/sanggah";

export const sanggah: typeof sanggahId = {
  correctedLevel: "Level after the accepted objection",
  correctedLevelRequired: "An accepted objection corrects the contested stage's level: enter the level.",
  correctedLevelNotHigher: "The corrected level of indicator {number} must be higher than the contested {stage} result ({level}).",
  note: "Decision note",
  levelReason: "Objection accepted ({stage}): {reason}",
  levelReasonWithNote: "Objection accepted ({stage}): {reason} · {note}",
  decidedAccepted: "The objection to indicator {number} was accepted; the {stage} level is corrected to {level}.",
  lockedOutcome: "The period is locked. Objection outcome: {accepted} accepted, {rejected} rejected, {open} without an answer.",
};
