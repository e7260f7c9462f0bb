// Talking tus to the upload endpoint in-process, as a browser would over HTTP.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { handleUploadRequest, EVIDENCE_HEADER } from "@/lib/http/upload-endpoint";
import type { Actor } from "@/lib/policy";
import { env } from "@/lib/env";

const ORIGIN = "http://portal.uji";

export function tusRequest(actor: Actor | null, method: string, urlPath: string, headers: Record<string, string> = {}, body?: BodyInit) {
  const request = new Request(ORIGIN + urlPath, {
    method,
    headers: { "Tus-Resumable": "1.0.0", ...headers },
    ...(body !== undefined ? { body, duplex: "half" } : {}),
  } as RequestInit);
  return handleUploadRequest(request, actor);
}

export function metadataHeader(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

export async function createUpload(actor: Actor | null, fileName: string, length: number, extra: Record<string, string> = {}) {
  return tusRequest(actor, "POST", "/api/v1/uploads", { "Upload-Length": String(length), "Upload-Metadata": metadataHeader({ filename: fileName, ...extra }) });
}

export function patch(actor: Actor | null, location: string, offset: number, bytes: Buffer | ReadableStream<Uint8Array>) {
  return tusRequest(actor, "PATCH", location, { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }, bytes as BodyInit);
}

export type Finished = { id: string; title: string; kind: string; url: string; message: string };

export function evidenceOf(response: Response): Finished | null {
  const header = response.headers.get(EVIDENCE_HEADER);
  return header ? (JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Finished) : null;
}

/** The whole upload in one PATCH, as tus-js-client does without a chunk size. */
export async function uploadFile(actor: Actor, fileName: string, bytes: Buffer, extra: Record<string, string> = {}) {
  const created = await createUpload(actor, fileName, bytes.length, extra);
  expect(created.status, await created.clone().text()).toBe(201);
  const location = created.headers.get("location")!;
  const response = await patch(actor, location, 0, bytes);
  return { location, response, evidence: evidenceOf(response), error: response.status >= 400 ? ((await response.json()) as { error: { code: string; message: string } }).error : null };
}

/** Files waiting in the resumable-upload staging area (data and their info files). */
export function stagedFiles(): string[] {
  const directory = path.join(env.DATA_DIR, "uploads");
  return fs.existsSync(directory) ? fs.readdirSync(directory) : [];
}

export function storedObjects(): string[] {
  const root = path.join(env.DATA_DIR, "evidence", "blobs");
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** Empties the storage and the staging area between tests. */
export function resetEvidenceFiles(): void {
  for (const folder of ["evidence", "uploads"]) fs.rmSync(path.join(env.DATA_DIR, folder), { recursive: true, force: true });
}
