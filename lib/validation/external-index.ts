// What the external index entry on the indicator form sends: shared by the browser and the command.
import { z } from "zod";
import { id, line, version } from "./primitives";
import { messageKey } from "@/lib/i18n/message";

/** Digits with at most one decimal separator: "68,75", "3.2" or "100". */
const INDEX_VALUE = /^\d{1,4}(?:[.,]\d{1,4})?$/;

export const ZExternalIndexSave = z.object({
  periodId: id,
  indicatorId: id,
  version,
  value: line()
    .trim()
    .min(1, messageKey("externalIndex.valueMissing"))
    .max(10, messageKey("externalIndex.valueInvalid"))
    .regex(INDEX_VALUE, messageKey("externalIndex.valueInvalid"))
    .transform((value) => value.replace(",", ".")),
  year: z
    .string()
    .trim()
    .min(1, messageKey("externalIndex.yearMissing"))
    .regex(/^\d{4}$/, messageKey("externalIndex.yearInvalid"))
    .transform(Number),
  evidenceId: line().trim().min(1, messageKey("externalIndex.evidenceMissing")).max(40),
});
