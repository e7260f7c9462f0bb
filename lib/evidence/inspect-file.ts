// Reads a received file to decide what it is (its head; for a PDF its trailer; for a ZIP
// the central directory, then every entry inflated in a stream against the zip bomb
// bounds), and hashes it in one streaming pass. Never holds the whole file in memory.
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { ACCEPTED_TYPES, classifyZip, extensionMatches, hasPdfTrailer, HEAD_BYTES, PDF_TAIL_BYTES, sniffHead, ZIP_LIMITS, type FileKind } from "./file-type";
import { findZipEnd, LOCAL_HEADER_BYTES, localDataOffset, parseZipDirectory, ZIP_TAIL_BYTES, type ZipEntry } from "./zip-directory";

export type Refusal = "empty" | "unsupported" | "mismatch" | "zip_bomb" | "malformed";

export type Inspection = { ok: true; kind: FileKind; mimeType: string } | { ok: false; refusal: Refusal; detected?: FileKind };

// An office document's directory is a few KiB; this bounds what a hostile one makes us read.
const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;

async function readRange(handle: fsp.FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

const STORED = 0;
const DEFLATED = 8;

class InflateCapReached extends Error {}

/** Inflates `length` bytes of raw deflate from `start`, stopping with InflateCapReached past `cap` bytes of output. */
async function inflatedLength(file: string, start: number, length: number, cap: number): Promise<number> {
  let produced = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      produced += chunk.length;
      done(produced > cap ? new InflateCapReached() : null);
    },
  });
  if (length === 0) throw new Error("a deflated entry has at least its final block");
  await pipeline(fs.createReadStream(file, { start, end: start + length - 1 }), zlib.createInflateRaw(), counter);
  return produced;
}

/**
 * Inflates every entry and measures what it really expands to: a directory that claims
 * 1,000 bytes for an entry of 100 MiB is a lie told to pass the claimed-size check. Stops at
 * the first entry that exceeds its claim, the ratio bound or the total bound.
 */
async function checkInflatedSizes(handle: fsp.FileHandle, file: string, size: number, entries: readonly ZipEntry[]): Promise<Refusal | null> {
  let total = 0;
  for (const entry of entries) {
    const dataStart = localDataOffset(await readRange(handle, entry.localHeaderOffset, LOCAL_HEADER_BYTES), entry);
    if (dataStart === null || dataStart + entry.compressedSize > size) return "malformed";
    const ratioCap = Math.max(ZIP_LIMITS.ratioAppliesAbove, ZIP_LIMITS.maxRatio * entry.compressedSize);
    const cap = Math.min(entry.uncompressedSize, ratioCap, ZIP_LIMITS.maxTotalUncompressed - total);
    let inflated: number;
    if (entry.method === STORED) {
      inflated = entry.compressedSize;
      if (inflated > cap) return "zip_bomb";
    } else if (entry.method === DEFLATED) {
      try {
        inflated = await inflatedLength(file, dataStart, entry.compressedSize, cap);
      } catch (error) {
        return error instanceof InflateCapReached ? "zip_bomb" : "malformed";
      }
    } else {
      return "unsupported"; // office suites write only stored and deflated entries
    }
    total += inflated;
  }
  return null;
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
      const inflationRefusal = await checkInflatedSizes(handle, file, size, entries);
      if (inflationRefusal) return { ok: false, refusal: inflationRefusal };
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
