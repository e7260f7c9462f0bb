// The one way an answer changes. Every writer of an Answer row (the indicator form, the
// Excel import, link evidence, butir evidence, submission, verification, the external stages, the baseline
// copy of a new period, evidence deletion) goes through this module, which owns:
// - the transition table: which status an event may start from and which it leaves;
// - the version: every update checks the version (and status) read and increments it in one
//   statement, and a first save that loses a race to another is a conflict, not an error;
// - the level history and the audit action names of answer records.
// tests/unit/answer-writers.test.ts fails when another module writes answers itself.
import { writeAudit, type RequestContext } from "@/lib/audit";
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerStage, AnswerStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/i18n/format";
import { msg } from "@/lib/i18n/message";

/** Statuses in which the owner may still change the answer; any other is part of the record. */
export const EDITABLE_STATUSES = ["DRAFT", "NEEDS_CONFIRMATION", "NEEDS_REVISION"] as const satisfies readonly AnswerStatus[];

/** Whether the owner may still change it; an answer not written yet counts as editable. */
export function isEditable(status: AnswerStatus | null | undefined): boolean {
  return status == null || (EDITABLE_STATUSES as readonly AnswerStatus[]).includes(status);
}

const EXTERNAL_STAGES = ["DOCUMENT", "INTERVIEW", "VISITATION", "FINAL"] as const satisfies readonly AnswerStage[];
const NOT_YET = null;

type Transition = {
  stages: readonly AnswerStage[];
  /** The statuses the event may start from; null: the answer does not exist yet. */
  from: readonly (AnswerStatus | null)[];
  to(from: AnswerStatus | null): AnswerStatus;
  /** The action of the answer's audit record; null where the record is about another entity (named). */
  audit: { created: string; updated: string } | null;
  /** The timestamp the event sets (or clears). */
  stamp?: { submittedAt?: "now" | "clear"; verifiedAt?: "now" | "clear" };
  /** Why a status outside `from` is refused. */
  refusal?: "notEditable" | "notSubmitted" | "notWithdrawable" | "notVerified";
  /** A reviewer's decision: the answer stays its owner's (the reviewer is in the verification round). */
  keepsEditor?: true;
};

const same = (action: string) => ({ created: action, updated: action });

export const TRANSITIONS = {
  // An answer sent back stays "perlu perbaikan" until it is resubmitted; anything else becomes
  // a draft (saving a copied baseline answer is its owner's confirmation).
  save: {
    stages: ["SELF"],
    from: [NOT_YET, ...EDITABLE_STATUSES],
    to: (from) => (from === "NEEDS_REVISION" ? "NEEDS_REVISION" : "DRAFT"),
    audit: { created: "answer.create", updated: "answer.update" },
    refusal: "notEditable",
  },
  // The Excel worksheet follows the form's rules.
  import: {
    stages: ["SELF"],
    from: [NOT_YET, ...EDITABLE_STATUSES],
    to: (from) => (from === "NEEDS_REVISION" ? "NEEDS_REVISION" : "DRAFT"),
    audit: same("answer.import"),
    refusal: "notEditable",
  },
  // A link attached from the form: the answer's content and status stay, its version moves.
  "attach-evidence": {
    stages: ["SELF"],
    from: [NOT_YET, ...EDITABLE_STATUSES],
    to: (from) => from ?? "DRAFT",
    audit: same("answer.attach-evidence"),
    refusal: "notEditable",
  },
  // Evidence attached to or detached from one butir (lib/assessment/butir.ts): the answer's
  // evidence may grow by the item, its content and status stay, its version moves.
  "butir-evidence": {
    stages: ["SELF"],
    from: [NOT_YET, ...EDITABLE_STATUSES],
    to: (from) => from ?? "DRAFT",
    audit: same("answer.butir-evidence"),
    refusal: "notEditable",
  },
  // Evidence deleted from the library: an open form must notice. The evidence.delete record
  // names the answers.
  "detach-evidence": { stages: ["SELF"], from: EDITABLE_STATUSES, to: (from) => from!, audit: null, refusal: "notEditable" },
  submit: { stages: ["SELF"], from: EDITABLE_STATUSES, to: () => "SUBMITTED", audit: same("answer.submit"), stamp: { submittedAt: "now" }, refusal: "notEditable" },
  verify: { stages: ["SELF"], from: ["SUBMITTED"], to: () => "VERIFIED", audit: same("answer.verify"), stamp: { verifiedAt: "now" }, refusal: "notSubmitted", keepsEditor: true },
  "send-back": { stages: ["SELF"], from: ["SUBMITTED"], to: () => "NEEDS_REVISION", audit: same("answer.send-back"), stamp: { verifiedAt: "clear" }, refusal: "notSubmitted", keepsEditor: true },
  // The owner takes a submission back while the Asesor has not started on it: once the Asesor
  // decided (verified or sent back) the status has moved on, and the command also refuses when
  // a verification round was recorded since the submission.
  withdraw: { stages: ["SELF"], from: ["SUBMITTED"], to: () => "DRAFT", audit: same("answer.withdraw"), stamp: { submittedAt: "clear" }, refusal: "notWithdrawable" },
  // A correction after verification (typically after the Koordinator reopened a locked
  // period): the Asesor returns a verified answer to its owner with a note; the owner corrects
  // and resubmits it like any answer sent back.
  "return-verified": { stages: ["SELF"], from: ["VERIFIED"], to: () => "NEEDS_REVISION", audit: same("answer.return"), stamp: { verifiedAt: "clear" }, refusal: "notVerified", keepsEditor: true },
  // The internal verification's level, kept as a stage of its own; the verify record of the
  // self-assessment answer is its audit record.
  "record-verification": { stages: ["INTERNAL_VERIFICATION"], from: [NOT_YET, "VERIFIED"], to: () => "VERIFIED", audit: null, stamp: { verifiedAt: "now" } },
  // The external assessors' results, recorded by the Koordinator; audited per period and stage.
  "record-external": { stages: EXTERNAL_STAGES, from: [NOT_YET, "RECORDED"], to: () => "RECORDED", audit: null },
  // Last year's answers copied into a new period for their owners to confirm; audited with the period.
  "carry-over": { stages: ["SELF"], from: [NOT_YET], to: () => "NEEDS_CONFIRMATION", audit: null },
} satisfies Record<string, Transition>;

export type AnswerEvent = keyof typeof TRANSITIONS;

const transitionOf = (event: AnswerEvent): Transition => TRANSITIONS[event];

/** The status the event leaves, or null when it may not start from `from`. */
export function nextStatus(event: AnswerEvent, from: AnswerStatus | null): AnswerStatus | null {
  const transition = transitionOf(event);
  return transition.from.includes(from) ? transition.to(from) : null;
}

export type ConflictVersion = Record<string, string>;

/** Refuses (409) an event the answer's status does not allow, naming the status. */
export function assertTransition(event: AnswerEvent, from: AnswerStatus | null, current?: ConflictVersion | null): void {
  if (nextStatus(event, from) !== null) return;
  const refusal = transitionOf(event).refusal;
  const status = msg(`answers.statuses.${from ?? "NONE"}`);
  const message =
    refusal === "notSubmitted"
      ? msg("answers.notSubmitted")
      : refusal === "notEditable"
        ? msg("answers.notEditable", { status })
        : refusal === "notWithdrawable"
          ? msg(from === "VERIFIED" || from === "NEEDS_REVISION" ? "corrections.withdrawStarted" : "corrections.withdrawNotSubmitted", { status })
          : refusal === "notVerified"
            ? msg("corrections.returnNotVerified", { status })
            : undefined;
  throw new AppError("conflict", { message, ...(current ? { current } : {}) });
}

export type AnswerKey = { periodId: string; indicatorId: string; stage: AnswerStage };
export type AnswerValues = { level?: string | null; explanation?: string | null; evidenceWaiverReason?: string | null };
/** The answer as the writer read it: the version and status it checked. */
export type ReadAnswer = { id: string; version: number; status: AnswerStatus };
export type WrittenAnswer = { id: string; version: number; status: AnswerStatus };

function assertStage(event: AnswerEvent, stage: AnswerStage) {
  if (!transitionOf(event).stages.includes(stage)) throw new Error(`Answer event ${event} does not apply to stage ${stage}`);
}

function stamps(event: AnswerEvent) {
  const stamp = transitionOf(event).stamp ?? {};
  const now = new Date();
  return {
    ...(stamp.submittedAt ? { submittedAt: stamp.submittedAt === "now" ? now : null } : {}),
    ...(stamp.verifiedAt ? { verifiedAt: stamp.verifiedAt === "now" ? now : null } : {}),
  };
}

/**
 * Applies `event` to the answer at `key`: an update checked against the version and status
 * read (`current`), or a create when there was none. Returns null when somebody else wrote
 * first (including a concurrent first save), for the caller to report as a conflict.
 */
export async function writeAnswer(
  tx: DbTransaction,
  write: { event: AnswerEvent; key: AnswerKey; current: ReadAnswer | null; values?: AnswerValues; actorId: string },
): Promise<WrittenAnswer | null> {
  const { event, key, current, values = {}, actorId } = write;
  assertStage(event, key.stage);
  assertTransition(event, current?.status ?? null);
  const status = nextStatus(event, current?.status ?? null)!;
  if (current) {
    const updated = await tx.answer.updateMany({
      where: { id: current.id, version: current.version, status: current.status },
      data: { ...values, status, ...stamps(event), ...(transitionOf(event).keepsEditor ? {} : { updatedById: actorId }), version: { increment: 1 } },
    });
    return updated.count === 0 ? null : { id: current.id, version: current.version + 1, status };
  }
  const [created] = await createAnswers(tx, event, [{ ...key, ...values }], actorId);
  return created ? { id: created.id, version: created.version, status } : null;
}

/**
 * Creates answers that do not exist yet, in one statement. A row somebody created meanwhile
 * is skipped (not an error): compare the result with the rows asked for.
 */
export async function createAnswers(tx: DbTransaction, event: AnswerEvent, rows: (AnswerKey & AnswerValues)[], actorId: string) {
  if (rows.length === 0) return [];
  for (const row of rows) assertStage(event, row.stage);
  const status = nextStatus(event, null);
  if (status === null) throw new Error(`Answer event ${event} cannot create an answer`);
  return tx.answer.createManyAndReturn({
    data: rows.map((row) => ({ ...row, status, ...stamps(event), updatedById: actorId })),
    skipDuplicates: true,
    select: { id: true, indicatorId: true, level: true, version: true },
  });
}

/** Moves the versions of answers whose content changed indirectly (their evidence), so open forms notice. */
export async function touchAnswers(tx: DbTransaction, event: "detach-evidence", answerIds: readonly string[], actorId: string) {
  if (answerIds.length === 0) return;
  await tx.answer.updateMany({
    where: { id: { in: [...answerIds] }, status: { in: [...transitionOf(event).from].filter((status) => status !== null) } },
    data: { updatedById: actorId, version: { increment: 1 } },
  });
}

type LevelChange = { answerId: string; from: { toString(): string } | string | null; to: { toString(): string } | string | null };

const levelNumber = (level: LevelChange["from"]) => (level === null ? null : Number(level.toString()));

/** The level history: who, when, from, to and why; a write that keeps the level adds nothing. */
export async function recordLevelChanges(tx: DbTransaction, actorId: string | null, changes: readonly LevelChange[], reason: string) {
  const moved = changes.filter((change) => levelNumber(change.from) !== levelNumber(change.to));
  if (moved.length === 0) return;
  await tx.levelChange.createMany({
    data: moved.map((change) => ({
      answerId: change.answerId,
      fromLevel: change.from?.toString() ?? null,
      toLevel: change.to?.toString() ?? null,
      reason,
      actorId,
    })),
  });
}

/** The answer's audit record, under the action name the transition table gives the event. */
export async function auditAnswer(
  tx: DbTransaction,
  request: RequestContext,
  event: AnswerEvent,
  record: { answerId: string; instansiId: string; created: boolean; before?: unknown; after: unknown },
) {
  const audit = transitionOf(event).audit;
  if (!audit) throw new Error(`Answer event ${event} is audited with another entity`);
  await writeAudit(tx, request, {
    action: record.created ? audit.created : audit.updated,
    entityType: "Answer",
    entityId: record.answerId,
    instansiId: record.instansiId,
    before: record.before ?? null,
    after: record.after,
  });
}

/** The stored answer as a conflict shows it, so the person can compare before saving again. */
export async function conflictVersion(tx: DbTransaction, where: { id: string } | AnswerKey): Promise<ConflictVersion | null> {
  const answer = await tx.answer.findUnique({
    where: "id" in where ? { id: where.id } : { periodId_indicatorId_stage: where },
    include: { period: { select: { instansi: { select: { timeZone: true } } } } },
  });
  if (!answer) return null;
  const editor = answer.updatedById ? await tx.user.findUnique({ where: { id: answer.updatedById }, select: { name: true } }) : null;
  return {
    version: String(answer.version),
    level: answer.level?.toString() ?? "",
    explanation: answer.explanation ?? "",
    status: answer.status,
    editable: String(isEditable(answer.status)),
    updatedBy: editor?.name ?? "-",
    // In the agency's zone, as every other time the portal shows it.
    updatedAt: formatDateTime(answer.updatedAt, "id", answer.period.instansi.timeZone),
  };
}

/** 409: somebody else saved first; carries their version when there is one. */
export async function staleAnswer(tx: DbTransaction, where: { id: string } | AnswerKey): Promise<never> {
  const current = await conflictVersion(tx, where);
  throw new AppError("conflict", { message: msg("answers.staleVersion"), ...(current ? { current } : {}) });
}

/** One indicator's node in the period's old framework version and in the new one. */
export type IndicatorMove = { from: string; to: string };

/**
 * The period moved to a newer version of its framework: each answer now points at the same
 * indicator (same code) of the new version. Content and status stay; the version moves so a
 * form still open on the old version notices. Returns how many answers moved.
 */
export async function moveAnswersToIndicators(tx: DbTransaction, periodId: string, moves: readonly IndicatorMove[]): Promise<number> {
  if (moves.length === 0) return 0;
  const oldIds = moves.map((move) => move.from);
  const newIds = moves.map((move) => move.to);
  return tx.$executeRaw`
    UPDATE "Answer" AS a SET "indicatorId" = m.new_id, "version" = a."version" + 1, "updatedAt" = now()
    FROM unnest(${oldIds}::text[], ${newIds}::text[]) AS m(old_id, new_id)
    WHERE a."periodId" = ${periodId} AND a."indicatorId" = m.old_id`;
}

/**
 * A period restored from its backup: the answers and their level history exactly as they
 * were (statuses, versions, who and when). Not a transition; the restore's audit record
 * covers it.
 */
export async function restoreAnswers(
  tx: DbTransaction,
  answers: Prisma.AnswerCreateManyInput[],
  levelChanges: Prisma.LevelChangeCreateManyInput[],
) {
  await tx.answer.createMany({ data: answers });
  await tx.levelChange.createMany({ data: levelChanges });
}
