// One error taxonomy. Expected failures are AppErrors with a stable code; the API returns
// them as {"error":{"code","message","details"}} and the UI shows the message of the
// code from the Bahasa Indonesia catalog. Anything else is a plain 500 with a request id.
import { messages } from "@/lib/i18n/messages";

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

export type ErrorDetail = { field: string; code: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: readonly ErrorDetail[];
  /** For too_many_requests: when to try again (sent as the Retry-After header). */
  readonly retryAfterSeconds?: number;
  /** For conflict: the version somebody else saved, so the person can compare. */
  readonly current?: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: { message?: string; details?: readonly ErrorDetail[]; retryAfterSeconds?: number; current?: Record<string, string> } = {},
  ) {
    super(options.message ?? messages.id.errors[code]);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = options.details ?? [];
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.current !== undefined) this.current = options.current;
  }
}

function errorBody(error: AppError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      details: error.details,
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.current !== undefined ? { current: error.current } : {}),
    },
  };
}

/** The JSON error response, with Retry-After where it applies. */
export function errorResponse(error: AppError, headers: Record<string, string> = {}): Response {
  const all: Record<string, string> = { ...headers };
  if (error.retryAfterSeconds !== undefined) all["retry-after"] = String(error.retryAfterSeconds);
  return Response.json(errorBody(error), { status: error.status, headers: all });
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
