// Every command every server action can run, for every role, on records of the own
// instansi and of another one (guessed ids). Expectations are written from the role table
// of the access issue, not derived from lib/policy.ts. A denied attempt is a 403 or a 404,
// leaves no trace but the refusal, and returns no data.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { blobKey, getStorage } from "@/lib/storage";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { getFramework } from "@/lib/framework/catalog";
import { frameworkChecksum, importFrameworkVersion } from "@/lib/framework-versions/store";
import { validateFramework } from "@/lib/framework/validate";
import type { Role } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { prepareExternalStages } from "./external-fixtures";
import { ownEvidenceId, pemdiIndicatorIds, pemdiPeriodId, preparePemdiPeriods } from "./butir-fixtures";
import { assignmentVersion } from "@/lib/assessment/assignments";
import { actorFor, createFixtures, FIXTURE_PASSWORD, fixturePairs, requestContext, type AgencyFixture, type Fixtures } from "./fixtures";

type CommandName = keyof typeof COMMANDS;

/** spbe-2020 with a corrected name: a valid new version, with the checksum a preview gives. */
function correctedFramework() {
  const definition = { ...getFramework("spbe-2020")!, name: "Indeks SPBE (koreksi uji)" };
  const result = validateFramework(definition);
  if (!result.ok) throw new Error("fixture framework invalid");
  return { content: JSON.stringify(definition), checksum: frameworkChecksum(result.framework) };
}
/** The corrected version movePeriodVersion's prepare imported. */
let correctedVersionId = "";
type Row = {
  allowed: Role[];
  /** Brings the records into the state the command needs (e.g. a submitted answer) before each attempt. */
  prepare?: (f: Fixtures) => Promise<void>;
  /** The input for the own instansi; `role` for commands on the actor's own records (their notifications). */
  own: (f: Fixtures, role: Role) => unknown;
  /** The same request aimed at the other agency's records; omitted where the command has no target there. */
  foreign?: (f: Fixtures) => unknown;
};

const unitInput = (agency: AgencyFixture) => ({ unitId: agency.unitIds[1], name: "Unit Diganti", functions: [] });
const userTarget = (agency: AgencyFixture) => agency.userIds.PIMPINAN;
/** The fixture's assignments plus indicator 5 for unit b, sent with the version token of what is stored. */
function assignmentInput(f: Fixtures, agency: AgencyFixture) {
  const pairs = fixturePairs(f, agency);
  const stored = pairs.map((pair) => ({ indicatorId: pair.split(":")[0]!, unitId: pair.split(":")[1]!, assignees: [] }));
  return { periodId: agency.periodId, version: assignmentVersion(stored), pairs: [...pairs, `${f.framework.indicatorIds[5]}:${agency.unitIds[1]}`] };
}
/** A complete SELF answer to indicator 1 in both agencies' periods, id `jawaban-<periodId>`. */
async function createSelfAnswers(f: Fixtures, status: "DRAFT" | "SUBMITTED" | "VERIFIED") {
  for (const agency of [f.home, f.other]) {
    await db.answer.create({
      data: {
        id: `jawaban-${agency.periodId}`,
        periodId: agency.periodId,
        indicatorId: f.framework.indicatorIds[1]!,
        stage: "SELF",
        level: "1",
        explanation: "Fakta: konsep kebijakan tersedia. Analisis: kriteria tingkat 1 terpenuhi.",
        status,
      },
    });
  }
}

/** One evidence item of unit a in both agencies, id `bukti-<instansiId>`. */
async function createEvidenceItems(f: Fixtures) {
  for (const agency of [f.home, f.other]) {
    await db.evidence.create({ data: { id: `bukti-${agency.instansiId}`, instansiId: agency.instansiId, ownerUnitId: agency.unitIds[0], kind: "LINK", title: "Perbup Arsitektur SPBE", url: "https://jdih.example.go.id/perbup-1" } });
  }
}
const MATRIX_PDF = Buffer.from("%PDF-1.4\n% uji matriks\n");
/** The bytes a finished upload would have stored for the home agency. */
async function storeUploadedBlob(f: Fixtures) {
  const sha256 = createHash("sha256").update(MATRIX_PDF).digest("hex");
  await getStorage().put(blobKey(f.home.instansiId, sha256), () => Readable.from([MATRIX_PDF]), MATRIX_PDF.length);
}
const fileEvidenceInput = () => ({
  uploadId: "cmatriks00000000000000001",
  sha256: createHash("sha256").update(MATRIX_PDF).digest("hex"),
  size: MATRIX_PDF.length,
  mimeType: "application/pdf",
  originalName: "perbup-spbe.pdf",
  title: "Perbup SPBE",
});
const evidenceUpdateInput = (agency: AgencyFixture) => ({ evidenceId: `bukti-${agency.instansiId}`, title: "Perbup Arsitektur SPBE 2024", documentType: "PERATURAN", validUntil: "2030-12-31" });

/** An open recommendation for indicator 1, owned by unit a, in both agencies' periods, id `rekomendasi-<periodId>`. */
const RECOMMENDATION_UPDATED_AT = new Date("2026-03-02T03:04:05.678Z");
async function createRecommendations(f: Fixtures) {
  for (const agency of [f.home, f.other]) {
    await db.recommendation.create({
      data: { id: `rekomendasi-${agency.periodId}`, periodId: agency.periodId, indicatorId: f.framework.indicatorIds[1]!, source: "EXTERNAL", text: "Susun reviu arsitektur SPBE.", ownerUnitId: agency.unitIds[0], targetLevel: "3", updatedAt: RECOMMENDATION_UPDATED_AT },
    });
  }
}
const recommendationTarget = (agency: AgencyFixture) => ({ recommendationId: `rekomendasi-${agency.periodId}`, version: String(RECOMMENDATION_UPDATED_AT.getTime()) });
const recommendationInput = (agency: AgencyFixture) => ({ periodId: agency.periodId, indicator: "1", source: "EXTERNAL", text: "Tetapkan peta rencana SPBE.", ownerUnitId: "", dueDate: "2026-06-30", targetLevel: "3" });
const planInput = (agency: AgencyFixture) => ({ periodId: agency.periodId, "target-1": "2", "target-4": "1", dueDate: "2026-06-30" });

const answerInput = (f: Fixtures, agency: AgencyFixture) => ({ periodId: agency.periodId, indicatorId: f.framework.indicatorIds[1], version: 0, level: "3", explanation: "Penjelasan" });

/** The rows an Excel worksheet of the agency's period would give: indicator 1 (unit a's) answered. */
const importInput = (agency: AgencyFixture) => ({
  periodId: agency.periodId,
  sheetPeriodId: agency.periodId,
  fileName: "lembar-kerja.xlsx",
  rows: [{ row: 5, number: "1", level: "3", explanation: "Fakta: Perbup 12/2024. Analisis: kriteria tingkat 3 terpenuhi.", version: "0" }],
});

/** Evidence for butir I1-L1-01 of the agency's pemdi-2026 period. */
const butirEvidenceInput = (agency: AgencyFixture) => ({ periodId: pemdiPeriodId(agency), indicatorId: pemdiIndicatorIds[1], butirCode: "I1-L1-01", evidenceId: ownEvidenceId(agency) });
/** I1-L1-01 attached in both agencies' pemdi-2026 periods. */
async function attachButirEvidenceInBoth(f: Fixtures) {
  await preparePemdiPeriods(f);
  for (const agency of [f.home, f.other]) {
    const answer = await db.answer.create({ data: { periodId: pemdiPeriodId(agency), indicatorId: pemdiIndicatorIds[1]!, stage: "SELF", status: "DRAFT" } });
    await db.answerEvidence.create({ data: { answerId: answer.id, evidenceId: ownEvidenceId(agency) } });
    await db.butirEvidence.create({ data: { answerId: answer.id, evidenceId: ownEvidenceId(agency), butirCode: "I1-L1-01" } });
  }
}
const butirStageInput = (agency: AgencyFixture) => ({
  periodId: pemdiPeriodId(agency),
  indicatorId: pemdiIndicatorIds[1],
  stage: "DOCUMENT",
  butirCodes: ["I1-L1-01"],
  butirStatuses: ["diterima"],
  butirNotes: [""],
});
/** The butir fixtures' pemdi-2026 periods, with indicator 5 (fed by the SDI) assigned to unit a too. */
async function preparePemdiIndex(f: Fixtures) {
  await preparePemdiPeriods(f);
  for (const agency of [f.home, f.other]) await db.assignment.create({ data: { periodId: pemdiPeriodId(agency), indicatorId: pemdiIndicatorIds[5]!, unitId: agency.unitIds[0] } });
}
const externalIndexInput = (agency: AgencyFixture) => ({ periodId: pemdiPeriodId(agency), indicatorId: pemdiIndicatorIds[5], version: "0", value: "68,75", year: "2025", evidenceId: ownEvidenceId(agency) });

const MATRIX: Record<CommandName, Row> = {
  saveExternalIndexValue: { allowed: ["KOORDINATOR", "ADMIN_OPD"], prepare: preparePemdiIndex, own: (f) => externalIndexInput(f.home), foreign: (f) => externalIndexInput(f.other) },
  createRecommendation: { allowed: ["KOORDINATOR"], own: (f) => recommendationInput(f.home), foreign: (f) => recommendationInput(f.other) },
  updateRecommendation: {
    allowed: ["KOORDINATOR"],
    prepare: createRecommendations,
    own: (f) => ({ ...recommendationTarget(f.home), source: "INTERNAL", text: "Susun reviu arsitektur SPBE tahun 2026.", ownerUnitId: "", dueDate: "", targetLevel: "4", status: "IN_PROGRESS" }),
    foreign: (f) => ({ ...recommendationTarget(f.other), source: "INTERNAL", text: "Susun reviu arsitektur SPBE tahun 2026.", ownerUnitId: "", dueDate: "", targetLevel: "4", status: "IN_PROGRESS" }),
  },
  setRecommendationStatus: {
    allowed: ["KOORDINATOR", "ADMIN_OPD"],
    prepare: createRecommendations,
    own: (f) => ({ ...recommendationTarget(f.home), status: "IN_PROGRESS" }),
    foreign: (f) => ({ ...recommendationTarget(f.other), status: "IN_PROGRESS" }),
  },
  savePlan: { allowed: ["KOORDINATOR"], own: (f) => planInput(f.home), foreign: (f) => planInput(f.other) },
  // Butir (issue 12): the owner unit's Admin OPD attaches and detaches; the Koordinator records external stages.
  attachButirEvidence: { allowed: ["ADMIN_OPD"], prepare: (f) => preparePemdiPeriods(f), own: (f) => butirEvidenceInput(f.home), foreign: (f) => butirEvidenceInput(f.other) },
  detachButirEvidence: {
    allowed: ["ADMIN_OPD"],
    prepare: attachButirEvidenceInBoth,
    own: (f) => butirEvidenceInput(f.home),
    foreign: (f) => butirEvidenceInput(f.other),
  },
  recordButirStage: { allowed: ["KOORDINATOR"], prepare: (f) => preparePemdiPeriods(f, "VERIFIKASI"), own: (f) => butirStageInput(f.home), foreign: (f) => butirStageInput(f.other) },
  createUnit: { allowed: ["KOORDINATOR"], own: () => ({ code: "unit-baru", name: "Unit Baru" }) },
  updateUnit: { allowed: ["KOORDINATOR"], own: (f) => unitInput(f.home), foreign: (f) => unitInput(f.other) },
  setUnitActive: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ unitId: f.home.unitIds[1], active: "false" }),
    foreign: (f) => ({ unitId: f.other.unitIds[1], active: "false" }),
  },
  createUser: { allowed: ["KOORDINATOR"], own: () => ({ name: "Orang Baru", email: "baru@uji.go.id", role: "PIMPINAN", unitId: "" }) },
  addMembership: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ userId: userTarget(f.home), role: "ASESOR", unitId: "" }),
    foreign: (f) => ({ userId: userTarget(f.other), role: "ASESOR", unitId: "" }),
  },
  removeMembership: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ membershipId: f.home.membershipIds.PIMPINAN }),
    foreign: (f) => ({ membershipId: f.other.membershipIds.PIMPINAN }),
  },
  resetUserPassword: { allowed: ["KOORDINATOR"], own: (f) => ({ userId: userTarget(f.home) }), foreign: (f) => ({ userId: userTarget(f.other) }) },
  setUserActive: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ userId: userTarget(f.home), active: "false" }),
    foreign: (f) => ({ userId: userTarget(f.other), active: "false" }),
  },
  createInstansi: {
    allowed: ["SUPERADMIN"],
    own: () => ({ code: "kota-baru", name: "Kota Baru", kind: "KOTA", region: "", koordinatorName: "Koor Baru", koordinatorEmail: "koor@kota-baru.go.id" }),
  },
  setInstansiActive: { allowed: ["SUPERADMIN"], own: (f) => ({ instansiId: f.home.instansiId, active: "false" }) },
  setInstansiTimeZone: { allowed: ["KOORDINATOR"], own: () => ({ timeZone: "WIT" }) },
  resetKoordinatorPassword: { allowed: ["SUPERADMIN"], own: (f) => ({ membershipId: f.home.membershipIds.KOORDINATOR }) },
  importFramework: { allowed: ["SUPERADMIN"], own: () => correctedFramework() },
  openPeriod: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ year: "2027", frameworkVersionId: f.framework.versionId, predicateBasis: "EXACT", targetIndex: "3,50", baseline: "true", confirmFramework: "true" }),
  },
  carryOverPeriod: {
    allowed: ["KOORDINATOR"],
    // A 2025 period on the other framework, so 2026 (spbe-2020) has something to carry over from.
    prepare: async (f) => {
      const pemdi = await db.frameworkVersion.findFirstOrThrow({ where: { framework: { code: "pemdi-2026" } }, orderBy: { version: "desc" } });
      for (const agency of [f.home, f.other]) await db.assessmentPeriod.create({ data: { instansiId: agency.instansiId, year: 2025, frameworkVersionId: pemdi.id, phase: "FINAL" } });
    },
    own: (f) => ({ periodId: f.home.periodId, version: "1" }),
    foreign: (f) => ({ periodId: f.other.periodId, version: "1" }),
  },
  movePeriodVersion: {
    allowed: ["KOORDINATOR"],
    // A corrected spbe-2020 (version 2) both agencies' 2026 periods may move to.
    prepare: async () => {
      correctedVersionId = (await importFrameworkVersion(db, { ...getFramework("spbe-2020")!, name: "Indeks SPBE (koreksi uji)" })).id;
    },
    own: (f) => ({ periodId: f.home.periodId, version: "1", frameworkVersionId: correctedVersionId, reason: "Salinan resmi terbit, kerangka dikoreksi." }),
    foreign: (f) => ({ periodId: f.other.periodId, version: "1", frameworkVersionId: correctedVersionId, reason: "Salinan resmi terbit, kerangka dikoreksi." }),
  },
  updatePeriod: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ periodId: f.home.periodId, version: "1", predicateBasis: "ROUNDED", targetIndex: "3,2", fillDeadline: "2026-10-31" }),
    foreign: (f) => ({ periodId: f.other.periodId, version: "1", predicateBasis: "ROUNDED", targetIndex: "3,2", fillDeadline: "2026-10-31" }),
  },
  advancePeriodPhase: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ periodId: f.home.periodId, version: "1" }),
    foreign: (f) => ({ periodId: f.other.periodId, version: "1" }),
  },
  reopenPeriod: {
    allowed: ["KOORDINATOR"],
    prepare: async (f) => {
      await db.assessmentPeriod.updateMany({ where: { id: { in: [f.home.periodId, f.other.periodId] } }, data: { phase: "FINAL", lockedAt: new Date() } });
    },
    own: (f) => ({ periodId: f.home.periodId, version: "1", reason: "Koreksi hasil penilaian dokumen." }),
    foreign: (f) => ({ periodId: f.other.periodId, version: "1", reason: "Koreksi hasil penilaian dokumen." }),
  },
  saveAssignments: { allowed: ["KOORDINATOR"], own: (f) => assignmentInput(f, f.home), foreign: (f) => assignmentInput(f, f.other) },
  saveAnswer: {
    allowed: ["ADMIN_OPD"],
    own: (f) => answerInput(f, f.home),
    foreign: (f) => answerInput(f, f.other),
  },
  submitAnswer: {
    allowed: ["ADMIN_OPD"],
    prepare: (f) => createSelfAnswers(f, "DRAFT"),
    own: (f) => ({ periodId: f.home.periodId, indicatorId: f.framework.indicatorIds[1], version: 1 }),
    foreign: (f) => ({ periodId: f.other.periodId, indicatorId: f.framework.indicatorIds[1], version: 1 }),
  },
  verifyAnswer: {
    allowed: ["ASESOR"],
    prepare: (f) => createSelfAnswers(f, "SUBMITTED"),
    own: (f) => ({ periodId: f.home.periodId, answerId: `jawaban-${f.home.periodId}`, version: 1, decision: "VERIFIED", verifiedLevel: "3" }),
    foreign: (f) => ({ periodId: f.other.periodId, answerId: `jawaban-${f.other.periodId}`, version: 1, decision: "VERIFIED", verifiedLevel: "3" }),
  },
  withdrawAnswer: {
    allowed: ["ADMIN_OPD"],
    prepare: (f) => createSelfAnswers(f, "SUBMITTED"),
    own: (f) => ({ periodId: f.home.periodId, indicatorId: f.framework.indicatorIds[1], version: 1 }),
    foreign: (f) => ({ periodId: f.other.periodId, indicatorId: f.framework.indicatorIds[1], version: 1 }),
  },
  returnVerifiedAnswer: {
    allowed: ["ASESOR"],
    prepare: (f) => createSelfAnswers(f, "VERIFIED"),
    own: (f) => ({ periodId: f.home.periodId, answerId: `jawaban-${f.home.periodId}`, version: 1, notes: "Bukti SK belum yang terbaru." }),
    foreign: (f) => ({ periodId: f.other.periodId, answerId: `jawaban-${f.other.periodId}`, version: 1, notes: "Bukti SK belum yang terbaru." }),
  },
  addComment: {
    allowed: ["KOORDINATOR", "ASESOR", "ADMIN_OPD"],
    own: (f) => ({ periodId: f.home.periodId, indicatorId: f.framework.indicatorIds[1], body: "Mohon dicek." }),
    foreign: (f) => ({ periodId: f.other.periodId, indicatorId: f.framework.indicatorIds[1], body: "Mohon dicek." }),
  },
  addLinkEvidence: {
    allowed: ["ADMIN_OPD"],
    own: (f) => ({ periodId: f.home.periodId, indicatorId: f.framework.indicatorIds[1], title: "Portal JDIH", url: "https://jdih.example.go.id" }),
    foreign: (f) => ({ periodId: f.other.periodId, indicatorId: f.framework.indicatorIds[1], title: "Portal JDIH", url: "https://jdih.example.go.id" }),
  },
  importAnswers: { allowed: ["KOORDINATOR", "ADMIN_OPD"], own: (f) => importInput(f.home), foreign: (f) => importInput(f.other) },
  createFileEvidence: { allowed: ["ADMIN_OPD"], prepare: storeUploadedBlob, own: fileEvidenceInput },
  createLinkEvidence: { allowed: ["ADMIN_OPD"], own: () => ({ title: "Portal JDIH", url: "https://jdih.example.go.id", documentType: "PERATURAN" }) },
  updateEvidence: { allowed: ["ADMIN_OPD"], prepare: createEvidenceItems, own: (f) => evidenceUpdateInput(f.home), foreign: (f) => evidenceUpdateInput(f.other) },
  deleteEvidence: {
    allowed: ["ADMIN_OPD"],
    prepare: createEvidenceItems,
    own: (f) => ({ evidenceId: `bukti-${f.home.instansiId}` }),
    foreign: (f) => ({ evidenceId: `bukti-${f.other.instansiId}` }),
  },
  setEvidenceShared: {
    allowed: ["ADMIN_OPD"],
    prepare: createEvidenceItems,
    own: (f) => ({ evidenceId: `bukti-${f.home.instansiId}`, shared: "true" }),
    foreign: (f) => ({ evidenceId: `bukti-${f.other.instansiId}`, shared: "true" }),
  },
  carryOverEvidence: {
    allowed: ["ADMIN_OPD"],
    prepare: createEvidenceItems,
    own: (f) => ({ evidenceId: `bukti-${f.home.instansiId}`, periodId: f.home.periodId }),
    foreign: (f) => ({ evidenceId: `bukti-${f.other.instansiId}`, periodId: f.other.periodId }),
  },
  recordExternalStage: {
    allowed: ["KOORDINATOR"],
    prepare: prepareExternalStages,
    own: (f) => ({ periodId: f.home.periodId, stage: "INTERVIEW", "version-1": "0", "level-1": "3", "notes-1": "Wawancara dengan Diskominfo." }),
    foreign: (f) => ({ periodId: f.other.periodId, stage: "INTERVIEW", "version-1": "0", "level-1": "3", "notes-1": "Wawancara dengan Diskominfo." }),
  },
  saveObjection: {
    allowed: ["KOORDINATOR"],
    prepare: prepareExternalStages,
    own: (f) => ({ periodId: f.home.periodId, indicator: "2", stage: "DOCUMENT", reason: "Peraturan bupati sudah ditetapkan tahun lalu.", status: "SUBMITTED" }),
    foreign: (f) => ({ periodId: f.other.periodId, indicator: "2", stage: "DOCUMENT", reason: "Peraturan bupati sudah ditetapkan tahun lalu.", status: "SUBMITTED" }),
  },
  decideObjection: {
    allowed: ["KOORDINATOR"],
    prepare: prepareExternalStages,
    own: (f) => ({ periodId: f.home.periodId, indicator: "1", stage: "DOCUMENT", decision: "ACCEPTED", correctedLevel: "3" }),
    foreign: (f) => ({ periodId: f.other.periodId, indicator: "1", stage: "DOCUMENT", decision: "ACCEPTED", correctedLevel: "3" }),
  },
  markNotificationRead: {
    allowed: ["KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"],
    prepare: createNotifications,
    own: (f, role) => ownNotification(f.home, role),
    foreign: (f) => ownNotification(f.other, "ADMIN_OPD"),
  },
  markAllNotificationsRead: { allowed: ["KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"], prepare: createNotifications, own: () => ({}) },
  saveNotificationPreferences: {
    allowed: ["KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"],
    own: () => ({ inApp: ["ASSIGNMENT", "MENTION"], email: ["MENTION"], locale: "en" }),
  },
  setUnitDeadline: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ periodId: f.home.periodId, unitId: f.home.unitIds[0], indicatorId: "", fillDeadline: "2026-09-30" }),
    foreign: (f) => ({ periodId: f.other.periodId, unitId: f.other.unitIds[0], indicatorId: "", fillDeadline: "2026-09-30" }),
  },
  changeOwnPassword: {
    allowed: ["SUPERADMIN", "KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"],
    own: () => ({ currentPassword: FIXTURE_PASSWORD, newPassword: "kopi-tubruk-di-teras", confirmPassword: "kopi-tubruk-di-teras" }),
  },
};

/** One notification for every person of both agencies, id `pemberitahuan-<userId>`. */
async function createNotifications(f: Fixtures) {
  for (const agency of [f.home, f.other]) {
    for (const userId of Object.values(agency.userIds)) {
      await db.notification.create({ data: { id: `pemberitahuan-${userId}`, userId, instansiId: agency.instansiId, type: "PHASE_CHANGED", messageKey: "notifications.events.phaseChanged", params: { year: 2026, phase: "Verifikasi" }, link: `/periode/${agency.periodId}` } });
    }
  }
}
const ownNotification = (agency: AgencyFixture, role: Role) => ({ notificationId: `pemberitahuan-${role === "SUPERADMIN" ? "tidak-ada" : agency.userIds[role]}` });

const ROLES: Role[] = ["SUPERADMIN", "KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"];

let fixtures: Fixtures;
beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
});

async function attempt(name: CommandName, role: Role, input: unknown) {
  const actor = await actorFor(fixtures, role);
  const auditBefore = await db.auditLog.count();
  try {
    const command: Command = COMMANDS[name];
    const result = await executeCommand(db, command, actor, requestContext, input);
    return { result, auditDelta: (await db.auditLog.count()) - auditBefore };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error, auditDelta: (await db.auditLog.count()) - auditBefore };
  }
}

describe("authorization matrix", () => {
  it("covers every registered command", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  for (const name of Object.keys(MATRIX) as CommandName[]) {
    const row = MATRIX[name];
    for (const role of ROLES) {
      const allowed = row.allowed.includes(role);
      it(`${name} · ${role} · own instansi → ${allowed ? "allowed" : "denied"}`, async () => {
        await row.prepare?.(fixtures);
        const outcome = await attempt(name, role, row.own(fixtures, role));
        if (allowed) {
          expect(outcome.error, outcome.error?.message).toBeUndefined();
          expect(outcome.auditDelta).toBeGreaterThan(0);
        } else {
          expect(outcome.error?.status).toBe(403);
          expect(outcome.auditDelta).toBe(0);
        }
      });

      if (row.foreign) {
        const foreign = row.foreign;
        it(`${name} · ${role} · another instansi's id → denied without leaking`, async () => {
          await row.prepare?.(fixtures);
          const outcome = await attempt(name, role, foreign(fixtures));
          expect(outcome.error).toBeInstanceOf(AppError);
          // Roles that may never do this get 403 whatever the id; the Koordinator, who may
          // in their own instansi, cannot tell another agency's id from a missing one.
          expect(outcome.error!.status).toBe(row.allowed.includes(role) ? 404 : 403);
          expect(outcome.auditDelta).toBe(0);
        });
      }
    }
  }

  it("an id that exists nowhere answers exactly like another agency's id", async () => {
    const missing = await attempt("updateUnit", "KOORDINATOR", { unitId: "tidak-ada-unit-ini", name: "Unit X", functions: [] });
    const foreign = await attempt("updateUnit", "KOORDINATOR", unitInput(fixtures.other));
    expect([missing.error?.status, missing.error?.message]).toEqual([foreign.error?.status, foreign.error?.message]);
  });
});
