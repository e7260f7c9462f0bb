// A pemdi-2026 period (whose levels have butir) in both fixture agencies, next to their
// spbe-2020 period: year 2027, phase PENGISIAN, indicator I1 assigned to unit a, and one
// evidence item in unit a's and unit b's libraries. Ids are fixed so inputs can name them.
import { db } from "@/lib/db";
import { ensureShippedFrameworks } from "@/lib/framework-versions/store";
import type { AgencyFixture, Fixtures } from "./fixtures";

export const pemdiPeriodId = (agency: AgencyFixture) => `pemdi-${agency.instansiId}`;
export const ownEvidenceId = (agency: AgencyFixture) => `bukti-a-${agency.instansiId}`;
export const otherUnitEvidenceId = (agency: AgencyFixture) => `bukti-b-${agency.instansiId}`;

/** pemdi-2026 indicator node ids by number, known once preparePemdiPeriods ran. */
export const pemdiIndicatorIds: Record<number, string> = {};

export async function preparePemdiPeriods(f: Fixtures, phase: "PENGISIAN" | "VERIFIKASI" = "PENGISIAN"): Promise<void> {
  const versions = await ensureShippedFrameworks(db);
  const version = versions.find((candidate) => candidate.code === "pemdi-2026")!;
  const nodes = await db.frameworkNode.findMany({ where: { versionId: version.id, kind: "INDICATOR" }, select: { id: true, number: true } });
  for (const node of nodes) pemdiIndicatorIds[node.number!] = node.id;
  for (const agency of [f.home, f.other]) {
    await db.assessmentPeriod.create({
      data: {
        id: pemdiPeriodId(agency),
        instansiId: agency.instansiId,
        year: 2027,
        frameworkVersionId: version.id,
        phase,
        assignments: { create: [{ indicatorId: pemdiIndicatorIds[1]!, unitId: agency.unitIds[0] }, { indicatorId: pemdiIndicatorIds[9]!, unitId: agency.unitIds[0] }] },
      },
    });
    await db.evidence.createMany({
      data: [
        { id: ownEvidenceId(agency), instansiId: agency.instansiId, ownerUnitId: agency.unitIds[0], kind: "LINK", title: "Renstra 2025-2029", url: "https://jdih.example.go.id/renstra" },
        { id: otherUnitEvidenceId(agency), instansiId: agency.instansiId, ownerUnitId: agency.unitIds[1], kind: "LINK", title: "SK Tim Asesor", url: "https://jdih.example.go.id/sk" },
      ],
    });
  }
}
