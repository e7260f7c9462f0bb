// The one wrapper for route handlers: request id, body size cap before parsing, zod
// validation, and every failure as the one JSON error shape. Handlers stay thin. Handlers
// behind sign-in use its extension, sessionRoute (lib/http/session-route.ts).
import type { z } from "zod";
import { AppError, errorResponse, isDatabaseUnavailable } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { requestLocale } from "@/lib/i18n/request-locale";
import { zodDetails } from "@/lib/validation/issues";
import { hasForbiddenLineCharacters } from "@/lib/validation/primitives";
import { log } from "@/lib/log";
import { requestIdFrom } from "@/lib/auth/request-context";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type RouteContext<Params> = { params: Promise<Params> };

export type ApiRequest<Params> = {
  request: Request;
  params: Params;
  requestId: string;
  /** Reads the body (at most maxBodyBytes), parses it as JSON and validates it. */
  json<S extends z.ZodType>(schema: S): Promise<z.infer<S>>;
  /** Reads a multipart or urlencoded body of at most maxBodyBytes (refused before reading when it says it is larger). */
  formData(): Promise<FormData>;
};

export type ApiRouteOptions = {
  maxBodyBytes?: number;
  /** Sent with every response of the route, errors included (the tus protocol's version). */
  headers?: Record<string, string>;
  /** Rewrites an error before it is answered (the Excel import words its cell references for the reader). */
  mapError?: (error: AppError) => AppError | Promise<AppError>;
};

async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large");
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function apiRoute<Params = Record<string, never>>(
  handler: (api: ApiRequest<Params>) => Promise<Response | unknown>,
  options: ApiRouteOptions = {},
) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const headers = { "x-request-id": requestId, "cache-control": "no-store", ...options.headers };
    try {
      const params = await context.params;
      // An id with a NUL reached PostgreSQL, which refuses it (a 500): no such record exists.
      if (Object.values(params ?? {}).some((value) => typeof value === "string" && hasForbiddenLineCharacters(value))) throw new AppError("not_found");
      const result = await handler({
        request,
        params,
        requestId,
        async json(schema) {
          const contentType = request.headers.get("content-type") ?? "";
          if (!/^application\/json\b/i.test(contentType)) throw new AppError("unsupported_media_type");
          const text = (await readBody(request, maxBodyBytes)).toString("utf8");
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            throw new AppError("invalid_json");
          }
          const parsed = schema.safeParse(body);
          if (!parsed.success) throw new AppError("validation_failed", { details: zodDetails(parsed.error) });
          return parsed.data;
        },
        async formData() {
          const contentType = request.headers.get("content-type") ?? "";
          if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) throw new AppError("unsupported_media_type");
          const body = await readBody(request, maxBodyBytes);
          return new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData().catch(() => {
            throw new AppError("validation_failed");
          });
        },
      });
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        for (const [name, value] of Object.entries(options.headers ?? {})) if (!result.headers.has(name)) result.headers.set(name, value);
        return result;
      }
      return Response.json(result, { headers });
    } catch (error) {
      const appError = toAppError(error, requestId);
      return errorResponse(options.mapError ? await options.mapError(appError) : appError, requestLocale(request), headers);
    }
  };
}

/** Expected failures pass through; an unreachable database becomes 503; anything else a logged 500. */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    log.warn("database unavailable", { requestId, error: String(error) });
    return new AppError("service_unavailable");
  }
  log.error("unexpected error", { requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return new AppError("internal_error", { message: msg("errors.internal_error_reference", { requestId }) });
}
