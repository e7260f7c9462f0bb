// Input of the period forms, shared by the browser (instant field errors) and the commands
// (the check that counts). Dates arrive as YYYY-MM-DD from date inputs; the target index
// may be typed with a decimal comma ("3,50").
import { z } from "zod";
import { id, line, optionalCalendarDate, text, version } from "./primitives";
import { messageKey, msg } from "@/lib/i18n/message";

export const PERIOD_YEAR_MIN = 2018;
export const PERIOD_YEAR_MAX = 2100;

const date = optionalCalendarDate(messageKey("periods.form.dateInvalid"));

const year = z.coerce
  .number({ error: messageKey("periods.form.yearInvalid") })
  .int(messageKey("periods.form.yearInvalid"))
  .min(PERIOD_YEAR_MIN, messageKey("periods.form.yearInvalid"))
  .max(PERIOD_YEAR_MAX, messageKey("periods.form.yearInvalid"));

const targetIndex = z
  .string()
  .trim()
  .max(10, messageKey("periods.form.targetInvalid"))
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const text = value.replace(",", ".");
    if (!/^\d(\.\d{1,2})?$/.test(text) || Number(text) < 1 || Number(text) > 5) {
      context.addIssue({ code: "custom", message: messageKey("periods.form.targetInvalid") });
      return z.NEVER;
    }
    return text;
  });

/** The deadlines in the order the work happens; each may be empty. */
export const DEADLINE_FIELDS = ["fillDeadline", "verifyDeadline", "submitDeadline", "objectionDeadline"] as const;
type Deadlines = Record<(typeof DEADLINE_FIELDS)[number], Date | null>;

const settings = {
  predicateBasis: z.enum(["EXACT", "ROUNDED"], { error: messageKey("periods.form.basisInvalid") }),
  targetIndex,
  fillDeadline: date,
  verifyDeadline: date,
  submitDeadline: date,
  objectionDeadline: date,
};

/**
 * A later deadline may not fall before any earlier one that is set (fill <= verify <=
 * submit <= objection). Runs even when other fields are invalid, so every problem shows at
 * once; a date that did not parse is simply not compared.
 */
function checkDeadlineOrder(value: Partial<Deadlines>, context: z.RefinementCtx) {
  const dateOf = (field: (typeof DEADLINE_FIELDS)[number]) => (value[field] instanceof Date ? value[field] : null);
  DEADLINE_FIELDS.forEach((field, position) => {
    const current = dateOf(field);
    if (!current) return;
    const earlier = DEADLINE_FIELDS.slice(0, position).findLast((before) => {
      const other = dateOf(before);
      return other !== null && other > current;
    });
    if (earlier) context.addIssue({ code: "custom", path: [field], message: messageKey("periods.form.deadlineOrder"), params: { earlier: msg(`periods.form.deadlineNames.${earlier}`) } });
  });
}

const evenWithFieldErrors = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

export const ZPeriodOpen = z
  .object({
    year,
    frameworkVersionId: line().trim().min(1, messageKey("periods.form.frameworkInvalid")).max(40, messageKey("periods.form.frameworkInvalid")),
    ...settings,
    baseline: z.enum(["true", "false"]).optional().transform((value) => value === "true"),
    /** The Koordinator knowingly opens the year on a framework not in force for it (usedForYears). */
    confirmFramework: z.enum(["true", "false"]).optional().transform((value) => value === "true"),
  })
  .superRefine(checkDeadlineOrder, evenWithFieldErrors);

export const ZPeriodUpdate = z.object({ periodId: id, version, ...settings }).superRefine(checkDeadlineOrder, evenWithFieldErrors);

export const ZPeriodAdvance = z.object({ periodId: id, version });

export const ZPeriodCarryOver = z.object({ periodId: id, version });

export const ZPeriodReopen = z.object({
  periodId: id,
  version,
  // Back to Verifikasi (the Asesor corrects) or further to Pengisian (owners correct too).
  phase: z.enum(["VERIFIKASI", "PENGISIAN"]).default("VERIFIKASI"),
  reason: text().trim().min(10, messageKey("periods.form.reasonInvalid")).max(1000, messageKey("periods.form.reasonInvalid")),
});

/** Moving a period to a newer version of its framework, with the reason the audit trail keeps. */
export const ZPeriodVersionMove = z.object({
  periodId: id,
  version,
  frameworkVersionId: id,
  reason: text().trim().min(10, messageKey("versionMove.reasonInvalid")).max(1000, messageKey("versionMove.reasonInvalid")),
});
