// Both fixture agencies' periods ready for external stages: in VERIFIKASI with an objection
// deadline ahead; indicators 1 and 2 self-assessed at level 4 and scored 2 at the DOCUMENT
// stage (so both are on the sanggah list), and a submitted objection on indicator 1.
import { db } from "@/lib/db";
import type { Fixtures } from "./fixtures";

export const SELF_LEVEL = "4";
export const DOCUMENT_LEVEL = "2";

export async function prepareExternalStages(f: Fixtures): Promise<void> {
  const objectionDeadline = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
  for (const agency of [f.home, f.other]) {
    await db.assessmentPeriod.update({ where: { id: agency.periodId }, data: { phase: "VERIFIKASI", objectionDeadline } });
    await db.answer.createMany({
      data: [1, 2].flatMap((number) => [
        { periodId: agency.periodId, indicatorId: f.framework.indicatorIds[number]!, stage: "SELF" as const, level: SELF_LEVEL, status: "SUBMITTED" as const },
        { periodId: agency.periodId, indicatorId: f.framework.indicatorIds[number]!, stage: "DOCUMENT" as const, level: DOCUMENT_LEVEL, status: "RECORDED" as const },
      ]),
    });
    await db.objection.create({
      data: { periodId: agency.periodId, indicatorId: f.framework.indicatorIds[1]!, stage: "DOCUMENT", reason: "Bukti reviu arsitektur SPBE sudah ada sejak 2024.", status: "SUBMITTED" },
    });
  }
}
