import type { versionMove as versionMoveId } from "../id/versionMove";

export const versionMove: typeof versionMoveId = {
  title: "Newer framework version: {framework} version {version}",
  intro:
    "This period uses version {current}. While the period is in Preparation or Filling, the coordinator can move it to version {version}: answers, assignments, comments, recommendations and evidence candidates stay with the same indicator (matched by indicator code, not number). The reason for the move is kept in the audit trail.",
  changes: "Changes from version {current} to {version}",
  kept: "Staying with the same indicator: {answers} answers, {assignments} assignments, {comments} comments, {recommendations} recommendations, {candidates} evidence candidates.",
  noneKept: "This period has no records yet; only its version changes.",
  dropped: "Indicators version {version} no longer has; their assignments, evidence candidates and unit deadlines are let go:",
  droppedItem: "{code} {name}: {assignments} assignments, {candidates} evidence candidates, {deadlines} unit deadlines",
  refusedTitle: "The period cannot be moved yet",
  reason: "Reason for the move",
  reasonHint: "E.g. the official copy of the regulation was published and the superadmin corrected the framework.",
  submit: "Move to version {version}",
  confirm: "Move period {year} to {framework} version {version}? Scores are recalculated with the new version's weights and criteria.",
  reasonInvalid: "Write the reason for the move, 10 to 1,000 characters.",
  locked: "Period {year} is final and locked: its framework version cannot change.",
  wrongPhase: "Period {year} is already in the {phase} phase: the framework version can only change in Preparation or Filling, before verification judges against the version in use.",
  otherFramework: "{target} is another framework, not a newer version of {current}. A period cannot move between frameworks; open next year's period with the carry-over from the previous one.",
  sameVersion: "This period already uses {framework} version {version}.",
  olderVersion: "Version {target} is older than version {current} this period uses; a period can only move to a newer version.",
  removedWithWork: "Version {version} no longer has indicators that already hold answers, comments, recommendations or objections in this period: {indicators}. The period was not moved.",
  outOfScale: "These levels are outside version {version}'s scale: {indicators}. The period was not moved.",
  missingButir: "These butir already hold evidence or a status in this period but do not exist in version {version}: {indicators}. The period was not moved.",
  done: "Period {year} now uses {framework} version {version}; {answers} answers stay with their indicators.",
  calculatorNote:
    "A new framework version is imported by the superadmin and never changes a period already under way. The coordinator can move a period still in Preparation or Filling to a newer version of the same framework, with a recorded reason.",
};
