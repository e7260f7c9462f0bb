// The one upload path: the tus resumable-upload protocol at /api/v1/uploads. A dropped
// connection resumes where the bytes stopped, because received bytes stay in a staging
// file (DATA_DIR/uploads) until the upload is complete. Then the file is checked, stored
// and registered (finalize-upload.ts) and the staging file is removed.
//
// Every request goes through the route pipeline (lib/http/session-route.ts): only an actor
// who may manage evidence gets here, and an upload answers only to the person who created
// it (anyone else gets 404). Every error, tus's own included, is the one JSON shape; an
// unreachable database is a 503. Upload ids are random and double as the id of the evidence they become, so a
// client that lost the final response (or a server that crashed while finishing) asks
// HEAD again and gets the same evidence back instead of a duplicate.
import { randomBytes } from "node:crypto";
import { Server, type Upload } from "@tus/server";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/audit";
import { requestContextFrom } from "@/lib/auth/request-context";
import { env } from "@/lib/env";
import { AppError, ERROR_STATUS, errorBody, errorResponse, fieldError, type ErrorCode } from "@/lib/errors";
import { evidenceUrl } from "@/lib/evidence/create-file-evidence";
import { ACCEPTED_EXTENSIONS, extensionOf } from "@/lib/evidence/file-type";
import { finalizeUpload, refusalError, type FinalizedEvidence } from "@/lib/evidence/finalize-upload";
import { formatBytes } from "@/lib/evidence/format";
import { STAGING_EXPIRY_MS, stagingLocker, stagingStore } from "@/lib/evidence/upload-staging";
import { msg } from "@/lib/i18n/message";
import type { Locale } from "@/lib/i18n/messages";
import { render } from "@/lib/i18n/render";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { Actor } from "@/lib/policy";
import { DOCUMENT_TYPES, UPLOAD_ID } from "@/lib/validation/evidence";
import { hasForbiddenLineCharacters, replaceForbiddenLineCharacters } from "@/lib/validation/primitives";
import { toAppError } from "./api-route";
import { sessionRoute, type ActorSource, type RouteAccess, type SessionRequest } from "./session-route";

export const UPLOAD_PATH = "/api/v1/uploads";
/** Response header carrying the finished evidence (base64url JSON), on the last PATCH or a HEAD. */
export const EVIDENCE_HEADER = "Upload-Evidence";
const TUS_VERSION = "1.0.0";

function newUploadId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return `c${[...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join("")}`;
}

function parseMetadata(header: string | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of (header ?? "").split(",")) {
    const [key, value] = pair.trim().split(" ");
    if (key) result[key] = value ? Buffer.from(value, "base64").toString("utf8") : "";
  }
  return result;
}

const tusHeaders = { "Tus-Resumable": TUS_VERSION, "cache-control": "no-store" };

/** Who may upload: an Admin OPD managing their unit's evidence, from the portal's own pages by script. */
export const UPLOAD_ACCESS: RouteAccess = { anonymous: "unauthorized", action: "evidence.manage", refusal: msg("evidence.refused.notOwner") };

function encodeEvidence(evidence: FinalizedEvidence, locale: Locale): string {
  return Buffer.from(JSON.stringify({ ...evidence, message: render(evidence.message, locale) }), "utf8").toString("base64url");
}

function asTusError(error: unknown, requestId: string, locale: Locale): { status_code: number; body: string } {
  const appError = toAppError(error, requestId);
  return { status_code: appError.status, body: JSON.stringify(errorBody(appError, locale)) };
}

const CODE_OF_STATUS = new Map(Object.entries(ERROR_STATUS).map(([code, status]) => [status as number, code as ErrorCode]));

/** tus's own refusals (a wrong offset, a size over the limit) in the one error shape. */
async function inOneShape(response: Response, locale: Locale): Promise<Response> {
  if (response.status < 400) return response;
  const text = await response.text();
  const headers = { ...tusHeaders, ...Object.fromEntries([...response.headers].filter(([name]) => /^(upload-|tus-)/i.test(name))) };
  // Ours already (a refusal thrown while finishing, see asTusError), only sent as text by tus.
  if (/^\{"error":\{"code":/.test(text)) return new Response(text, { status: response.status, headers: { ...headers, "content-type": "application/json" } });
  return errorResponse(new AppError(CODE_OF_STATUS.get(response.status) ?? (response.status < 500 ? "validation_failed" : "internal_error")), locale, headers);
}

async function removeStaged(uploadId: string): Promise<void> {
  await stagingStore().remove(uploadId).catch(() => {});
}

/** Finishes a complete upload; a refused file is removed at once, a failure of ours is kept for a retry. */
async function finish(actor: Actor, context: RequestContext, upload: Upload): Promise<FinalizedEvidence> {
  try {
    const evidence = await finalizeUpload(actor, context, {
      id: upload.id,
      file: upload.storage!.path,
      size: upload.size!,
      fileName: upload.metadata?.filename ?? "",
      documentType: upload.metadata?.documentType ?? undefined,
      periodId: upload.metadata?.periodId ?? undefined,
    });
    await removeStaged(upload.id);
    return evidence;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) await removeStaged(upload.id);
    throw error;
  }
}

function tusServer(actor: Actor, context: RequestContext, requestId: string, locale: Locale): Server {
  return new Server({
    path: UPLOAD_PATH,
    datastore: stagingStore(),
    locker: stagingLocker(),
    relativeLocation: true,
    maxSize: env.UPLOAD_MAX_BYTES,
    // Same-origin only: the browser sends the session cookie, no other site may.
    allowedOrigins: () => false,
    namingFunction: newUploadId,
    async onUploadCreate(_request, upload) {
      const metadata = upload.metadata ?? {};
      return {
        metadata: {
          filename: (metadata.filename ?? "").trim(),
          documentType: metadata.documentType ?? "",
          periodId: metadata.periodId ?? "",
          owner: actor.userId,
          membership: actor.active.id,
        },
      };
    },
    async onUploadFinish(_request, upload) {
      try {
        const evidence = await finish(actor, context, upload);
        return { headers: { [EVIDENCE_HEADER]: encodeEvidence(evidence, locale) } };
      } catch (error) {
        throw asTusError(error, requestId, locale);
      }
    },
  });
}

/** The uploads one person holds in the staging area (begun, not yet finished or expired) and the bytes they announced. */
async function openUploadsOf(userId: string): Promise<{ count: number; bytes: number }> {
  const store = stagingStore();
  const now = Date.now();
  let count = 0;
  let bytes = 0;
  const ids = await (store.configstore.list?.() ?? Promise.resolve([])).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return []; // nothing staged yet: the directory comes with the first upload
    throw error;
  });
  for (const id of ids) {
    const info = await store.configstore.get(id).catch(() => undefined);
    if (info?.metadata?.owner !== userId) continue;
    if (info.creation_date && now - new Date(info.creation_date).getTime() > STAGING_EXPIRY_MS) continue;
    count++;
    bytes += info.size ?? 0;
  }
  return { count, bytes };
}

async function checkOpenUploadQuota(actor: Actor, length: number): Promise<void> {
  const open = await openUploadsOf(actor.userId);
  if (open.count + 1 <= env.UPLOAD_OPEN_PER_PERSON && open.bytes + length <= env.UPLOAD_OPEN_BYTES_PER_PERSON) return;
  const message = msg("evidence.refused.openUploadsQuota", {
    count: open.count,
    bytes: formatBytes(open.bytes),
    max: env.UPLOAD_OPEN_PER_PERSON,
    maxBytes: formatBytes(env.UPLOAD_OPEN_BYTES_PER_PERSON),
  });
  throw new AppError("too_many_requests", { message, details: [{ field: "file", code: "openUploadsQuota", message }] });
}

// Creations of one person run one after another in this process, so parallel requests
// cannot all pass the quota before any of them is staged.
const creationQueues = new Map<string, Promise<unknown>>();

async function oneCreationAtATime<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const previous = creationQueues.get(userId) ?? Promise.resolve();
  const current = previous.catch(() => {}).then(work);
  creationQueues.set(userId, current);
  try {
    return await current;
  } finally {
    if (creationQueues.get(userId) === current) creationQueues.delete(userId);
  }
}

/** Checks a new upload before a single byte is accepted: name, size, type by extension, period, the person's quota. */
async function checkCreation(request: Request, actor: Actor): Promise<void> {
  const metadata = parseMetadata(request.headers.get("upload-metadata"));
  const name = (metadata.filename ?? "").trim();
  if (!name) throw refusalError("nameMissing", {});
  // A NUL made the upload unfinishable (PostgreSQL refuses it when the row is written); a
  // bidi override disguises the extension. Refused before a byte is accepted.
  if (hasForbiddenLineCharacters(name)) throw refusalError("nameForbidden", { name: replaceForbiddenLineCharacters(name, "\ufffd") });
  const lengthHeader = request.headers.get("upload-length");
  const length = Number(lengthHeader);
  if (lengthHeader === null || !Number.isSafeInteger(length) || length < 0) throw refusalError("lengthRequired", { name });
  if (length === 0) throw refusalError("empty", { name });
  if (length > env.UPLOAD_MAX_BYTES) throw refusalError("tooLarge", { name, max: formatBytes(env.UPLOAD_MAX_BYTES) });
  if (!ACCEPTED_EXTENSIONS.includes(extensionOf(name))) throw refusalError("unsupported", { name });
  if (metadata.documentType && !(DOCUMENT_TYPES as readonly string[]).includes(metadata.documentType)) {
    throw fieldError("documentType", msg("evidence.documentTypeInvalid"));
  }
  if (metadata.periodId && hasForbiddenLineCharacters(metadata.periodId)) throw new AppError("not_found");
  if (metadata.periodId) {
    const period = await db.assessmentPeriod.findFirst({ where: { id: metadata.periodId, instansiId: actor.active.instansiId! }, select: { id: true } });
    if (!period) throw new AppError("not_found");
  }
  await checkOpenUploadQuota(actor, length);
}

async function ownedUpload(uploadId: string, actor: Actor): Promise<Upload | null> {
  try {
    const upload = await stagingStore().getUpload(uploadId);
    return upload.metadata?.owner === actor.userId ? upload : null;
  } catch {
    return null;
  }
}

function completeResponse(evidence: FinalizedEvidence, size: number, locale: Locale): Response {
  return new Response(null, {
    status: 200,
    headers: { ...tusHeaders, "Upload-Offset": String(size), "Upload-Length": String(size), [EVIDENCE_HEADER]: encodeEvidence(evidence, locale) },
  });
}

async function finishedEvidence(uploadId: string, actor: Actor, locale: Locale): Promise<Response | null> {
  const evidence = await db.evidence.findFirst({
    where: { id: uploadId, createdById: actor.userId, instansiId: actor.active.instansiId!, deletedAt: null },
    include: { blob: { select: { size: true } } },
  });
  if (!evidence?.blob) return null;
  const finished: FinalizedEvidence = { id: evidence.id, title: evidence.title, kind: "FILE", url: evidenceUrl(evidence.id), message: msg("evidence.uploaded", { title: evidence.title }) };
  return completeResponse(finished, Number(evidence.blob.size), locale);
}

/** One request of the tus protocol, for the actor the pipeline admitted. */
export async function handleUpload({ request, actor, requestId }: SessionRequest<Record<string, string>>): Promise<Response> {
  // tus demands this header; it also keeps plain cross-site form posts out.
  if (request.method !== "OPTIONS" && request.headers.get("tus-resumable") !== TUS_VERSION) {
    return new Response("Tus-Resumable 1.0.0 required\n", { status: 412, headers: tusHeaders });
  }
  const locale = requestLocale(request);
  const context = { ...requestContextFrom(request.headers, actor.userId), requestId };
  const server = tusServer(actor, context, requestId, locale);
  const path = new URL(request.url).pathname.replace(/\/+$/, "");
  if (path === UPLOAD_PATH) {
    if (request.method !== "POST") throw new AppError("method_not_allowed");
    return oneCreationAtATime(actor.userId, async () => {
      await checkCreation(request, actor);
      return inOneShape(await server.handleWeb(request), locale);
    });
  }
  const uploadId = path.slice(UPLOAD_PATH.length + 1);
  if (!UPLOAD_ID.test(uploadId) || !["HEAD", "PATCH", "DELETE"].includes(request.method)) throw new AppError("not_found");
  const upload = await ownedUpload(uploadId, actor);
  if (request.method === "HEAD") {
    const finished = await finishedEvidence(uploadId, actor, locale);
    if (finished) return finished;
    if (upload && upload.size !== undefined && upload.offset === upload.size) {
      // Every byte arrived but finishing was interrupted (a crash, a lost response): finish now.
      return completeResponse(await finish(actor, context, upload), upload.size, locale);
    }
  }
  if (!upload) throw new AppError("not_found", { message: msg("evidence.uploadNotFound") });
  return inOneShape(await server.handleWeb(request), locale);
}

export const UPLOAD_ROUTE_OPTIONS = { headers: tusHeaders };

/** The route as the app serves it, for an actor given directly (tests, the crash test's server). */
export function handleUploadRequest(request: Request, actor: Actor | null): Promise<Response> {
  const actorOf: ActorSource = async () => actor;
  return sessionRoute(UPLOAD_ACCESS, handleUpload, { ...UPLOAD_ROUTE_OPTIONS, actorOf })(request, { params: Promise.resolve({}) });
}
