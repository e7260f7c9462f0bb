import type { corrections as correctionsId } from "../id/corrections";

export const corrections: typeof correctionsId = {
  withdraw: "Withdraw submission",
  withdrawHint: "While the Asesor has not started on it, you can withdraw this submission to change it again.",
  withdrawn: "Submission withdrawn; the answer is a draft again.",
  withdrawStarted: "The submission can no longer be withdrawn: the Asesor has already started on it (status {status}).",
  withdrawNotSubmitted: "The answer has status {status} and was not submitted, so there is nothing to withdraw.",
  returnTitle: "Return to the owner for a correction",
  returnHint: "This answer is verified. If it needs a correction, return it to its owner with a note; the owner changes it and submits it again.",
  returnNotes: "Correction note",
  returnSubmit: "Return to the owner",
  returned: "The answer was returned to its owner for a correction.",
  returnNotVerified: "Only a verified answer can be returned for a correction (its status is {status}).",
  returnNotesRequired: "Write a correction note (at least 10 characters) so the owner knows what to change.",
  reopenTo: "Reopen to phase",
};
