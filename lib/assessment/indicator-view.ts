// Everything the indicator page shows, in a fixed number of queries: the indicator in its
// framework (question, criteria per level, where it sits), the answers of every stage,
// the verification rounds, the level history, the discussion, the previous period's answer
// (or, across frameworks, the mapped indicators as context), and
// what the actor may do here.
import type { Db } from "@/lib/db";
import { getFrameworkVersion, getIndicatorNodeIds } from "@/lib/framework-versions/store";
import { walkNodes } from "@/lib/framework/tree";
import { isIndicatorNode, type GroupNode, type IndicatorNode } from "@/lib/framework/schema";
import { can, type Actor } from "@/lib/policy";
import { readableEvidence } from "@/lib/policy-scope";
import { loadIndicatorRecommendations } from "./indicator-recommendations";
import { buildLevelPreview } from "./level-preview";
import { loadEvidenceCandidates, loadPreviousContext, loadPreviousPeriod, previousCodes } from "./previous-period";
import { phaseAllows } from "./phase";
import { isEditable } from "./answer-lifecycle";
import { loadButirBoard } from "./butir";
import { loadPeriodFor } from "./period-access";
import { AppError } from "@/lib/errors";

import { applyExternalIndices, externalIndexStanding, hasConvertedIndices, selfStageEffect, type EnteredIndexValue } from "@/lib/scoring/external-index-values";

/** Level changes shown per page, newest first: an answer saved thousands of times must not make a 2 MB page. */
export const LEVEL_HISTORY_PAGE_SIZE = 50;

export async function loadIndicatorView(db: Db, actor: Actor, periodId: string, number: number, paging: { historyPage?: number } = {}) {
  const period = await loadPeriodFor(db, actor, "instansi.read", periodId).catch((error: unknown) => {
    // Refused or missing: the page shows "not found" either way.
    if (error instanceof AppError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  });
  if (!period) return null;
  const { instansiId } = period;
  const framework = await getFrameworkVersion(db, period.frameworkVersionId);
  if (!framework) return null;

  let indicator: IndicatorNode | null = null;
  let ancestors: readonly GroupNode[] = [];
  const numbers: number[] = [];
  walkNodes(framework.definition.nodes, (node, at) => {
    if (!isIndicatorNode(node)) return;
    numbers.push(node.number);
    if (node.number === number) {
      indicator = node;
      ancestors = at.ancestors;
    }
  });
  const found = indicator as IndicatorNode | null;
  if (!found) return null;
  const nodeIds = await getIndicatorNodeIds(db, period.frameworkVersionId);
  const nodeId = nodeIds.byNumber.get(number);
  if (!nodeId) return null;
  const node = { id: nodeId };

  const assignments = await db.assignment.findMany({
    where: { periodId, indicatorId: node.id },
    select: { unitId: true, unit: { select: { name: true, shortName: true } } },
  });
  const ownerUnitIds = assignments.map((assignment) => assignment.unitId);
  const ownsIt = actor.active.unitId !== null && ownerUnitIds.includes(actor.active.unitId);
  const readScope = { instansiId, unitId: ownsIt ? actor.active.unitId : null };
  if (!can(actor, "answer.read", readScope)) return null;

  const historyPage = Math.max(1, Math.floor(paging.historyPage ?? 1));
  const [answers, history, comments, previousPeriod, library, members] = await Promise.all([
    db.answer.findMany({
      where: { periodId, indicatorId: node.id },
      include: {
        evidence: {
          include: {
            evidence: {
              select: {
                id: true, title: true, kind: true, url: true, originalName: true, documentType: true,
                // What the pre-checks read.
                documentNo: true, enactedAt: true, sourceUrl: true, blob: { select: { mimeType: true } }, textScan: { select: { state: true, pageCount: true, textChars: true, foundNumber: true, foundDates: true } },
              },
            },
          },
        },
        reviews: { orderBy: { round: "asc" } },
      },
    }),
    // One page of the history of every stage's answer, newest first, and one more row to
    // know whether an older page exists.
    db.levelChange.findMany({
      where: { answer: { periodId, indicatorId: node.id } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (historyPage - 1) * LEVEL_HISTORY_PAGE_SIZE,
      take: LEVEL_HISTORY_PAGE_SIZE + 1,
      select: { id: true, answerId: true, fromLevel: true, toLevel: true, reason: true, actorId: true, createdAt: true },
    }),
    db.comment.findMany({
      where: { periodId, indicatorId: node.id, deletedAt: null },
      orderBy: { createdAt: "asc" },
      include: { mentions: { select: { userId: true } } },
    }),
    loadPreviousPeriod(db, instansiId, period.year),
    // What the owner may attach: their unit's library and the items shared with the instansi.
    ownsIt
      ? db.evidence.findMany({
          where: { AND: [readableEvidence(actor, instansiId)], deletedAt: null },
          orderBy: { title: "asc" },
          take: 300,
          select: { id: true, title: true, kind: true, url: true, ownerUnitId: true, ownerUnit: { select: { name: true, shortName: true } } },
        })
      : Promise.resolve([]),
    db.user.findMany({
      where: { isActive: true, memberships: { some: { instansiId, isActive: true } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);

  const selfLevels = await db.answer.findMany({
    where: { periodId, stage: "SELF", level: { not: null } },
    select: { level: true, indicatorId: true },
  });
  const recorded: Record<string, string> = {};
  for (const answer of selfLevels) {
    const other = nodeIds.numberById.get(answer.indicatorId);
    if (other !== undefined && other !== number) recorded[other] = answer.level!.toString();
  }
  // Indicators fed by another national index: the values entered, only for frameworks that have any.
  const indexRows =
    found.externalIndex || hasConvertedIndices(framework.definition)
      ? await db.externalIndexValue.findMany({
          where: { periodId },
          select: { indicatorId: true, value: true, year: true, version: true, evidence: { select: { id: true, title: true, kind: true, url: true } } },
        })
      : [];
  const entered = new Map<number, EnteredIndexValue>();
  for (const row of indexRows) {
    const other = nodeIds.numberById.get(row.indicatorId);
    if (other !== undefined && other !== number) entered.set(other, row);
  }
  const others = entered.size > 0 || hasConvertedIndices(framework.definition) ? applyExternalIndices(framework.definition, recorded, entered) : recorded;
  // The owner sees what their level does to the index before saving it.
  const preview = buildLevelPreview(framework.definition, others, number, period.predicateBasis === "ROUNDED" ? "rounded" : "exact");
  const ownIndexRow = indexRows.find((row) => row.indicatorId === node.id) ?? null;
  const externalIndex = found.externalIndex
    ? (() => {
        const standing = externalIndexStanding(found.externalIndex, ownIndexRow);
        return { standing, effect: selfStageEffect(framework.definition, standing), row: ownIndexRow };
      })()
    : null;
  // What the person entering the index may name as its source: the owner's unit library; the Koordinator's whole agency's.
  const mayEnterIndex =
    externalIndex !== null && can(actor, "external-index.enter", { instansiId, unitIds: ownerUnitIds }) && phaseAllows(period.phase, "answer.fill");
  const indexSources = !mayEnterIndex
    ? []
    : ownsIt
      ? library
      : await db.evidence.findMany({ where: { instansiId, deletedAt: null }, orderBy: { title: "asc" }, take: 300, select: { id: true, title: true, kind: true, url: true } });

  const previous = await loadPreviousContext(db, framework.definition, previousPeriod, found.code);
  // Per level the butir with their evidence and statuses (frameworks with butir only).
  const butir = await loadButirBoard(db, periodId, node.id, found);
  const candidates = await loadEvidenceCandidates(db, periodId, node.id, previousPeriod);

  // Follow-up context: this period's recommendations and the previous period's for the counterpart indicators.
  const recommendations = await loadIndicatorRecommendations(db, {
    periodId,
    indicatorId: node.id,
    indicator: { number: found.number, name: found.name },
    previous: previousPeriod && { ...previousPeriod, sameFramework: previousPeriod.framework.code === framework.code, codes: previousCodes(framework.definition, previousPeriod, found.code).codes },
  });

  const self = answers.find((answer) => answer.stage === "SELF") ?? null;
  const verification = answers.find((answer) => answer.stage === "INTERNAL_VERIFICATION") ?? null;
  // Everyone the page names, in one query (none when nobody is named).
  const actorIds = new Set<string>();
  for (const answer of answers) {
    if (answer.updatedById) actorIds.add(answer.updatedById);
    for (const review of answer.reviews) actorIds.add(review.reviewerId);
  }
  for (const change of history) if (change.actorId) actorIds.add(change.actorId);
  for (const comment of comments) {
    actorIds.add(comment.authorId);
    for (const mention of comment.mentions) actorIds.add(mention.userId);
  }
  const named = actorIds.size > 0 ? await db.user.findMany({ where: { id: { in: [...actorIds] } }, select: { id: true, name: true } }) : [];
  const people = new Map(named.map((user) => [user.id, user.name]));
  const nameOf = (userId: string) => ({ name: people.get(userId) ?? "-" });
  const stageOf = new Map(answers.map((answer) => [answer.id, answer.stage]));

  const editable = isEditable(self?.status);
  const position = numbers.indexOf(number);
  return {
    period,
    definition: framework.definition,
    indicator: found,
    indicatorId: node.id,
    ancestors,
    owners: assignments.map((assignment) => assignment.unit.shortName ?? assignment.unit.name),
    self,
    verification,
    stages: answers.filter((answer) => !["SELF", "INTERNAL_VERIFICATION"].includes(answer.stage)),
    comments: comments.map((comment) => ({
      ...comment,
      author: nameOf(comment.authorId),
      mentions: comment.mentions.map((mention) => ({ ...mention, user: nameOf(mention.userId) })),
    })),
    levelHistory: {
      page: historyPage,
      changes: history.slice(0, LEVEL_HISTORY_PAGE_SIZE).map((change) => ({ ...change, stage: stageOf.get(change.answerId)! })),
      hasOlder: history.length > LEVEL_HISTORY_PAGE_SIZE,
    },
    previous,
    // Evidence carried over through the lineage that the owner has not attached yet.
    evidenceCandidates: candidates
      .filter((candidate) => !(answers.find((answer) => answer.stage === "SELF")?.evidence ?? []).some((link) => link.evidenceId === candidate.id))
      .map((candidate) => ({ ...candidate, attachable: ownsIt && candidate.ownerUnitId === actor.active.unitId })),
    recommendations,
    // Another unit's shared item carries its owner's name, so the two SKs of one title differ.
    library: library.map(({ ownerUnitId, ownerUnit, ...item }) => ({
      ...item,
      title: ownerUnitId !== actor.active.unitId && ownerUnit ? `${item.title} · ${ownerUnit.shortName ?? ownerUnit.name}` : item.title,
    })),
    butir,
    members,
    people,
    preview,
    externalIndex,
    indexSources,

    previousNumber: position > 0 ? numbers[position - 1]! : null,
    nextNumber: position < numbers.length - 1 ? numbers[position + 1]! : null,
    may: {
      fill: ownsIt && can(actor, "answer.fill", readScope) && phaseAllows(period.phase, "answer.fill") && editable,
      verify: can(actor, "answer.verify", { instansiId }) && phaseAllows(period.phase, "answer.verify") && self?.status === "SUBMITTED",
      comment: can(actor, "comment.create", readScope) && phaseAllows(period.phase, "comment.create"),
      // Issue 15: the owner takes a submission back; the Asesor returns a verified answer for a correction.
      withdraw: ownsIt && can(actor, "answer.fill", readScope) && phaseAllows(period.phase, "answer.fill") && self?.status === "SUBMITTED",
      returnVerified: can(actor, "answer.verify", { instansiId }) && phaseAllows(period.phase, "answer.verify") && self?.status === "VERIFIED",
      recordButirStage: butir !== null && can(actor, "external-result.record", { instansiId }) && phaseAllows(period.phase, "external.record"),
      enterIndex: mayEnterIndex,
    },
  };
}

export type IndicatorView = NonNullable<Awaited<ReturnType<typeof loadIndicatorView>>>;
