// Every command a server action can run. The authorization matrix test walks this list for
// every role, and a test checks that no server action bypasses it.
import { createUnit, setUnitActive, updateUnit } from "@/lib/admin/units";
import { addMembership, createUser, removeMembership, resetUserPassword, setUserActive } from "@/lib/admin/users";
import { createInstansi, resetKoordinatorPassword, setInstansiActive, setInstansiTimeZone } from "@/lib/admin/agencies";
import { changeOwnPassword } from "@/lib/admin/change-password";
import { decideObjection, recordExternalStage, saveObjection } from "@/lib/assessment/external";
import { advancePeriodPhase, carryOverPeriod, openPeriod, reopenPeriod, updatePeriod } from "@/lib/assessment/periods";
import { saveAssignments } from "@/lib/assessment/assignments";
import { addComment, addLinkEvidence, returnVerifiedAnswer, saveAnswer, submitAnswer, verifyAnswer, withdrawAnswer } from "@/lib/assessment/answers";
import { importAnswers } from "@/lib/reports/import-answers";
import { createFileEvidence } from "@/lib/evidence/create-file-evidence";
import { carryOverEvidence, createLinkEvidence, deleteEvidence, setEvidenceShared, updateEvidence } from "@/lib/evidence/library";
import { createRecommendation, setRecommendationStatus, updateRecommendation } from "@/lib/recommendations/recommendations";
import { savePlan } from "@/lib/simulation/save-plan";
import { importFramework } from "@/lib/framework-versions/import";
import { movePeriodVersion } from "@/lib/assessment/version-move";
import { attachButirEvidence, detachButirEvidence, recordButirStage } from "@/lib/assessment/butir";
import { markAllNotificationsRead, markNotificationRead, saveNotificationPreferences } from "@/lib/notifications/inbox";
import { setUnitDeadline } from "@/lib/assessment/unit-deadlines";
import { saveExternalIndexValue } from "@/lib/assessment/external-index-entry";

export const COMMANDS = {
  createRecommendation,
  updateRecommendation,
  setRecommendationStatus,
  savePlan,
  createUnit,
  updateUnit,
  setUnitActive,
  createUser,
  addMembership,
  removeMembership,
  resetUserPassword,
  setUserActive,
  createInstansi,
  setInstansiActive,
  setInstansiTimeZone,
  resetKoordinatorPassword,
  changeOwnPassword,
  recordExternalStage,
  saveObjection,
  decideObjection,
  openPeriod,
  updatePeriod,
  advancePeriodPhase,
  reopenPeriod,
  carryOverPeriod,
  movePeriodVersion,
  saveAssignments,
  saveAnswer,
  submitAnswer,
  verifyAnswer,
  withdrawAnswer,
  returnVerifiedAnswer,
  addComment,
  addLinkEvidence,
  importAnswers,
  createFileEvidence,
  createLinkEvidence,
  updateEvidence,
  deleteEvidence,
  setEvidenceShared,
  carryOverEvidence,
  importFramework,
  // Butir (issue 12): evidence per butir, the external stages' per-butir statuses.
  attachButirEvidence,
  detachButirEvidence,
  recordButirStage,
  markNotificationRead,
  markAllNotificationsRead,
  saveNotificationPreferences,
  setUnitDeadline,
  saveExternalIndexValue,
};
