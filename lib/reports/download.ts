// What every report download of a period starts with: the signed-in actor (a person
// without a session is sent to sign in and back), the period within their own instansi
// (another agency's period is a 404, like a missing one), and who sees which rows.
// Reports list the answers of every unit, so they need answer.read-all (Koordinator,
// Asesor, Pimpinan); an Admin OPD gets the Excel worksheet of their own unit's
// indicators, to fill and import.
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { messages } from "@/lib/i18n/messages";
import { assertCan, can, type Actor } from "@/lib/policy";
import { frameworkWording } from "@/lib/framework/wording";
import { loadPeriodReport, type PeriodReport } from "./period-report";

export type ReportAudience = "all" | "all-or-own-unit";

type Loaded = { actor: Actor; report: PeriodReport; baseUrl: string };

export async function loadReportFor(request: Request, periodId: string, audience: ReportAudience): Promise<Loaded | Response> {
  const actor = await getActor();
  if (!actor) {
    const back = new URL(request.url).pathname;
    return new Response(null, { status: 307, headers: { location: `/masuk?kembali=${encodeURIComponent(back)}` } });
  }
  if (actor.mustChangePassword) throw new AppError("forbidden", { message: messages.id.account.mustChangeFirst });
  const period = await loadPeriodFor(db, actor, "results.read", periodId);
  const scope = { instansiId: period.instansiId };
  let unitId: string | undefined;
  if (!can(actor, "answer.read-all", scope)) {
    const ownUnit = actor.active.unitId;
    if (audience !== "all-or-own-unit" || !ownUnit || !can(actor, "answer.read", { ...scope, unitId: ownUnit })) assertCan(actor, "answer.read-all", scope);
    unitId = ownUnit ?? undefined;
  }
  const report = await loadPeriodReport(db, period.id, { unitId });
  if (!report) throw new AppError("not_found");
  return { actor, report, baseUrl: env.PUBLIC_URL ?? new URL(request.url).origin };
}

/** `laporan-spbe-kab-sukamaju-2025.pdf`, `laporan-pemdi-kab-sukamaju-2026.pdf`: named after the period's framework. */
export function reportFileName(prefix: string, report: PeriodReport, extension: string): string {
  const slug = messages.id.frameworkWords[frameworkWording(report.framework.definition)].fileSlug;
  return `${prefix}-${slug}-${report.instansi.code}-${report.period.year}.${extension}`.replace(/[^a-zA-Z0-9._-]/g, "-");
}

export function downloadResponse(body: BodyInit, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
