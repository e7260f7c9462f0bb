// What every report download of a period starts with, after the route pipeline admitted
// the actor (lib/http/session-route.ts): the period within their own instansi (another
// agency's period is a 404, like a missing one), and who sees which rows. Reports list the
// answers of every unit, so they need answer.read-all (Koordinator, Asesor, Pimpinan); an
// Admin OPD gets the Excel worksheet of their own unit's indicators, to fill and import.
import { frameworkWording } from "@/lib/framework/wording";
import { messages } from "@/lib/i18n/messages";
import { db } from "@/lib/db";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCan, can, type Action, type Actor } from "@/lib/policy";
import { loadPeriodReport, type PeriodReport } from "@/lib/reports/period-report";
import type { RouteAccess } from "./session-route";

export type ReportAudience = "all" | "all-or-own-unit";

/** The pipeline's part of every report route: a browser download behind sign-in, for those who read results. */
export const REPORT_ACCESS = { anonymous: "sign-in", action: "results.read" satisfies Action } as const satisfies RouteAccess;

export async function loadReportFor(request: Request, actor: Actor, periodId: string, audience: ReportAudience): Promise<{ report: PeriodReport; baseUrl: string }> {
  const period = await loadPeriodFor(db, actor, REPORT_ACCESS.action, periodId);
  const scope = { instansiId: period.instansiId };
  let unitId: string | undefined;
  if (!can(actor, "answer.read-all", scope)) {
    const ownUnit = actor.active.unitId;
    if (audience !== "all-or-own-unit" || !ownUnit || !can(actor, "answer.read", { ...scope, unitId: ownUnit })) assertCan(actor, "answer.read-all", scope);
    unitId = ownUnit ?? undefined;
  }
  const report = await loadPeriodReport(db, period, { unitId });
  if (!report) throw new AppError("not_found");
  return { report, baseUrl: env.PUBLIC_URL ?? new URL(request.url).origin };
}

/** `laporan-spbe-kab-sukamaju-2025.pdf` */
/** Named after the period's framework: `laporan-spbe-kab-sukamaju-2025.pdf`, `laporan-pemdi-kab-sukamaju-2026.pdf`. */
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
