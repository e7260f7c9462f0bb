// zod issues in the one error-detail shape of lib/errors.ts.
import type { z } from "zod";
import type { ErrorDetail } from "@/lib/errors";

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(body)",
    code: issue.code,
    message: issue.message,
  }));
}

/** First message per field, for forms. */
export function fieldErrors(details: readonly ErrorDetail[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const detail of details) errors[detail.field.split(".")[0]!] ??= detail.message;
  return errors;
}
