// Reads just enough of a received file to decide what it is (head, and for ZIPs the
// central directory), and hashes it in one streaming pass. Never loads the whole file.
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { ACCEPTED_TYPES, classifyZip, extensionMatches, hasPdfTrailer, HEAD_BYTES, PDF_TAIL_BYTES, sniffHead, ZIP_LIMITS, type FileKind } from "./file-type";
import { findZipEnd, parseZipDirectory, ZIP_TAIL_BYTES } from "./zip-directory";

export type Refusal = "empty" | "unsupported" | "mismatch" | "zip_bomb" | "malformed";

export type Inspection = { ok: true; kind: FileKind; mimeType: string } | { ok: false; refusal: Refusal; detected?: FileKind };

// An office document's directory is a few KiB; this bounds what a hostile one makes us read.
const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;

async function readRange(handle: fsp.FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export async function inspectFile(file: string, fileName: string, size: number): Promise<Inspection> {
  if (size === 0) return { ok: false, refusal: "empty" };
  const handle = await fsp.open(file, "r");
  try {
    const head = await readRange(handle, 0, Math.min(size, HEAD_BYTES));
    const sniffed = sniffHead(head);
    if (sniffed === null) return { ok: false, refusal: "unsupported" };
    let kind: FileKind;
    if (sniffed === "zip") {
      const tailLength = Math.min(size, ZIP_TAIL_BYTES);
      const end = findZipEnd(await readRange(handle, size - tailLength, tailLength), size);
      if (!end) return { ok: false, refusal: "malformed" };
      if (end.entryCount > ZIP_LIMITS.maxEntries || end.directorySize > MAX_DIRECTORY_BYTES) return { ok: false, refusal: "zip_bomb" };
      const entries = parseZipDirectory(await readRange(handle, end.directoryOffset, end.directorySize), end);
      if (!entries) return { ok: false, refusal: "malformed" };
      const verdict = classifyZip(entries, head);
      if ("refusal" in verdict) return { ok: false, refusal: verdict.refusal };
      kind = verdict.kind;
    } else {
      kind = sniffed;
      if (kind === "pdf") {
        const tailLength = Math.min(size, PDF_TAIL_BYTES);
        if (!hasPdfTrailer(await readRange(handle, size - tailLength, tailLength), size)) return { ok: false, refusal: "malformed" };
      }
    }
    if (!extensionMatches(kind, fileName)) return { ok: false, refusal: "mismatch", detected: kind };
    return { ok: true, kind, mimeType: ACCEPTED_TYPES[kind].mime };
  } finally {
    await handle.close();
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
