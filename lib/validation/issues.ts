// zod issues in the one error-detail shape of lib/errors.ts. A schema names its message by
// catalog key (`messageKey("answers.commentEmpty")`, zod keeps it as the issue's message); custom
// issues may add parameters. Issues without a key get the catalog's text for their zod code,
// so nothing reaches a reader as zod's English sentence.
import type { z } from "zod";
import type { ErrorDetail } from "@/lib/errors";
import { looksLikeKey, msg, type Message, type MessageParams } from "@/lib/i18n/message";

type Issue = z.core.$ZodIssue;

function limitParams(issue: Issue): MessageParams {
  const params: Record<string, string | number> = {};
  if ("minimum" in issue) params.minimum = String(issue.minimum);
  if ("maximum" in issue) params.maximum = String(issue.maximum);
  return params;
}

function genericMessage(issue: Issue): Message {
  switch (issue.code) {
    case "too_small":
      return msg(issue.origin === "string" ? "validation.tooShort" : issue.origin === "array" || issue.origin === "set" ? "validation.tooFewItems" : "validation.tooSmall", limitParams(issue));
    case "too_big":
      return msg(issue.origin === "string" ? "validation.tooLong" : issue.origin === "array" || issue.origin === "set" ? "validation.tooManyItems" : "validation.tooBig", limitParams(issue));
    case "invalid_type":
      return msg("validation.invalidType", { expected: issue.expected });
    case "invalid_value":
      return msg("validation.invalidValue");
    case "invalid_format":
      return msg("validation.invalidFormat");
    case "unrecognized_keys":
      return msg("validation.unrecognizedKeys", { keys: issue.keys.join(", ") });
    default:
      return msg("validation.invalid");
  }
}

export function issueMessage(issue: Issue): Message {
  if (!looksLikeKey(issue.message)) return genericMessage(issue);
  const params = issue.code === "custom" ? (issue.params as MessageParams | undefined) : limitParams(issue);
  return msg(issue.message, params && Object.keys(params).length > 0 ? params : undefined);
}

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(body)",
    code: issue.code,
    message: issueMessage(issue),
  }));
}

/** First message per field, for forms. */
export function fieldErrors(details: readonly ErrorDetail[]): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const detail of details) errors[detail.field.split(".")[0]!] ??= detail.message;
  return errors;
}
