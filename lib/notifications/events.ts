// The events commands raise, one function per kind: who hears of it, what it says and where
// it links. Each runs inside the command's transaction (lib/notifications/notify.ts).
import type { DbTransaction } from "@/lib/db";
import type { PeriodPhase } from "@/lib/generated/prisma/client";
import { msg } from "@/lib/i18n/message";
import { agencyMemberIds, indicatorOwnerIds, notify, unitAdminIds } from "./notify";

type PeriodRef = { id: string; instansiId: string; year: number };
type IndicatorRef = { id: string; number: number | null; name: string };

const indicatorLink = (period: PeriodRef, indicator: IndicatorRef) => `/periode/${period.id}/indikator/${indicator.number}`;

/** The Asesor's decision on a submitted answer, told to the owner units' Admin OPDs. */
export async function notifyReviewDecision(tx: DbTransaction, period: PeriodRef, indicator: IndicatorRef, verified: boolean, reviewer: { userId: string; name: string }) {
  const params = { number: indicator.number ?? "", indicator: indicator.name, reviewer: reviewer.name };
  await notify(tx, {
    instansiId: period.instansiId,
    type: verified ? "ANSWER_VERIFIED" : "ANSWER_SENT_BACK",
    recipientIds: await indicatorOwnerIds(tx, period.id, indicator.id),
    message: msg(verified ? "notifications.events.verified" : "notifications.events.sentBack", params),
    subject: msg(verified ? "notifications.mail.subjects.ANSWER_VERIFIED" : "notifications.mail.subjects.ANSWER_SENT_BACK", { number: params.number }),
    link: indicatorLink(period, indicator),
    actorId: reviewer.userId,
  });
}

const EXCERPT_LENGTH = 140;

/** People mentioned in a comment (already checked to be members of the agency). */
export async function notifyMentions(tx: DbTransaction, period: PeriodRef, indicator: IndicatorRef, author: { userId: string; name: string }, mentionedIds: readonly string[], body: string) {
  const excerpt = body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH - 1)}…` : body;
  await notify(tx, {
    instansiId: period.instansiId,
    type: "MENTION",
    recipientIds: mentionedIds,
    message: msg("notifications.events.mention", { author: author.name, number: indicator.number ?? "", indicator: indicator.name, excerpt }),
    subject: msg("notifications.mail.subjects.MENTION", { number: indicator.number ?? "" }),
    link: indicatorLink(period, indicator),
    actorId: author.userId,
  });
}

/** Indicators newly assigned to units: one notification per unit to its Admin OPDs. */
export async function notifyAssignments(tx: DbTransaction, period: PeriodRef, added: readonly { unitId: string; unitName: string }[], actorId: string) {
  const perUnit = new Map<string, { name: string; count: number }>();
  for (const { unitId, unitName } of added) perUnit.set(unitId, { name: unitName, count: (perUnit.get(unitId)?.count ?? 0) + 1 });
  for (const [unitId, { name, count }] of perUnit) {
    await notify(tx, {
      instansiId: period.instansiId,
      type: "ASSIGNMENT",
      recipientIds: await unitAdminIds(tx, [unitId]),
      message: msg("notifications.events.assignment", { unit: name, count, year: period.year }),
      subject: msg("notifications.mail.subjects.ASSIGNMENT", { year: period.year }),
      link: `/periode/${period.id}/indikator`,
      actorId,
    });
  }
}

/** A period moved to another phase (advanced, locked or reopened): everybody in the agency. */
export async function notifyPhaseChange(tx: DbTransaction, period: PeriodRef, phase: PeriodPhase, actorId: string, reopened = false) {
  const phaseName = msg(`periods.phases.${phase}`);
  await notify(tx, {
    instansiId: period.instansiId,
    type: "PHASE_CHANGED",
    recipientIds: await agencyMemberIds(tx, period.instansiId),
    message: msg(reopened ? "notifications.events.periodReopened" : "notifications.events.phaseChanged", { year: period.year, phase: phaseName }),
    subject: msg("notifications.mail.subjects.PHASE_CHANGED", { year: period.year, phase: phaseName }),
    link: `/periode/${period.id}`,
    actorId,
  });
}
