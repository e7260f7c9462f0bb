// One error taxonomy. Expected failures are AppErrors with a stable code; their message and
// their details' messages are catalog keys with parameters, rendered in the reader's
// language only at the edge: the API returns {"error":{"code","message","details"}}, forms
// show the same texts. Anything else is a plain 500 with a request id.
import type { Locale } from "@/lib/i18n/messages";
import { msg, type Message } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";

export const ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetail = { field: string; code: string; message: Message };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: readonly ErrorDetail[];
  /** What the person is told, as key and parameters; `message` is its Indonesian text, for logs. */
  readonly userMessage: Message;
  /** For too_many_requests: when to try again (sent as the Retry-After header). */
  readonly retryAfterSeconds?: number;
  /** For conflict: the version somebody else saved, so the person can compare. */
  readonly current?: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: { message?: Message; details?: readonly ErrorDetail[]; retryAfterSeconds?: number; current?: Record<string, string> } = {},
  ) {
    const userMessage = options.message ?? msg(`errors.${code}`);
    super(render(userMessage));
    this.name = "AppError";
    this.userMessage = userMessage;
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = options.details ?? [];
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.current !== undefined) this.current = options.current;
  }
}

/** A field error: the field, a stable code and what the person is told. */
export function fieldError(field: string, message: Message, code = "custom"): AppError {
  return new AppError("validation_failed", { details: [{ field, code, message }] });
}

/** The body of every JSON error answer, in the reader's language. */
export function errorBody(error: AppError, locale: Locale) {
  return {
    error: {
      code: error.code,
      message: render(error.userMessage, locale),
      details: error.details.map((detail) => ({ ...detail, message: render(detail.message, locale) })),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.current !== undefined ? { current: error.current } : {}),
    },
  };
}

/** The JSON error response in the reader's language, with Retry-After where it applies. */
export function errorResponse(error: AppError, locale: Locale, headers: Record<string, string> = {}): Response {
  const all: Record<string, string> = { ...headers, "content-language": locale };
  if (error.retryAfterSeconds !== undefined) all["retry-after"] = String(error.retryAfterSeconds);
  return Response.json(errorBody(error, locale), { status: error.status, headers: all });
}

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "P1001", "P1002", "P1017"]);

/** True for failures that mean "the database cannot be reached", not "the query was wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const { code, message, kind, cause } = current as { code?: unknown; message?: unknown; kind?: unknown; cause?: unknown };
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (typeof message === "string" && /Can't reach database|Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message)) return true;
    current = cause;
  }
  return false;
}
