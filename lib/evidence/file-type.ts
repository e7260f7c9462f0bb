// What a file is, decided by its bytes and never by its name. Pure: works on the head of
// the file (its first bytes) and, for ZIP-based office documents, on the ZIP's central
// directory (see zip-directory.ts). The accepted types are those the evaluation asks for.
import type { ZipEntryClaim } from "./zip-directory";

export const ACCEPTED_TYPES = {
  pdf: { mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  png: { mime: "image/png", extensions: ["png"], label: "PNG" },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG" },
  webp: { mime: "image/webp", extensions: ["webp"], label: "WebP" },
  mp4: { mime: "video/mp4", extensions: ["mp4", "m4v"], label: "MP4" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "DOCX" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], label: "XLSX" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"], label: "PPTX" },
  odt: { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"], label: "ODT" },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"], label: "ODS" },
} as const;

export type FileKind = keyof typeof ACCEPTED_TYPES;

export const ACCEPTED_MIME_TYPES = Object.values(ACCEPTED_TYPES).map((type) => type.mime);
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.values(ACCEPTED_TYPES).flatMap((type) => type.extensions);

/** Shown inline by the download route; everything else is only offered as a download. */
export const INLINE_MIME_TYPES: readonly string[] = [ACCEPTED_TYPES.pdf.mime, ACCEPTED_TYPES.png.mime, ACCEPTED_TYPES.jpeg.mime, ACCEPTED_TYPES.webp.mime];

/** How many leading bytes sniffHead needs. */
export const HEAD_BYTES = 4096;

// ISO base media brands of MP4 video. QuickTime ("qt  "), HEIF/AVIF images and 3GP are not MP4.
const MP4_BRANDS = new Set(["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "mmp4", "M4V ", "M4VP", "MSNV", "f4v "]);

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

/** The type the first bytes announce; "zip" means: look into its directory (classifyZip). */
export function sniffHead(head: Uint8Array): FileKind | "zip" | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") return "webp";
  if (ascii(head, 4, 4) === "ftyp" && MP4_BRANDS.has(ascii(head, 8, 4))) return "mp4";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  // ISO 32000 puts the header on the first line. Readers tolerate junk before it, and that
  // tolerance lets an HTML page carrying "%PDF-" in a comment pass as a PDF: we do not.
  if (ascii(head, 0, 5) === "%PDF-") return "pdf";
  return null;
}

/** How many trailing bytes hasPdfTrailer needs (the window readers search for the trailer). */
export const PDF_TAIL_BYTES = 1024;

/**
 * A PDF ends with `startxref`, the offset of its cross-reference section and `%%EOF`
 * (ISO 32000-1, 7.5.5). Without one, the file is no PDF a reader can open.
 */
export function hasPdfTrailer(tail: Uint8Array, fileSize: number): boolean {
  const text = new TextDecoder("latin1").decode(tail);
  const match = /startxref[\r\n ]+(\d{1,15})[\r\n ]+%%EOF[\r\n ]*$/.exec(text);
  return match !== null && Number(match[1]) < fileSize;
}

// Zip bomb guards: real office documents have hundreds of entries, expand a few times
// their size and stay far below these bounds. The people who open the file later unpack
// it, so inspect-file.ts inflates every entry against these bounds too.
export const ZIP_LIMITS = { maxEntries: 5000, maxTotalUncompressed: 512 * 1024 * 1024, maxRatio: 200, ratioAppliesAbove: 1024 * 1024 };

export type ZipVerdict = { kind: FileKind } | { refusal: "unsupported" | "zip_bomb" };

/** Checks what a ZIP's directory claims for bomb signs, then names the office format it holds, if any. */
export function classifyZip(entries: readonly ZipEntryClaim[], head: Uint8Array): ZipVerdict {
  if (entries.length > ZIP_LIMITS.maxEntries) return { refusal: "zip_bomb" };
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > ZIP_LIMITS.ratioAppliesAbove && ratio > ZIP_LIMITS.maxRatio) return { refusal: "zip_bomb" };
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) return { refusal: "zip_bomb" };

  const names = new Set(entries.map((entry) => entry.name));
  if (names.has("[Content_Types].xml")) {
    if (names.has("word/document.xml")) return { kind: "docx" };
    if (names.has("xl/workbook.xml")) return { kind: "xlsx" };
    if (names.has("ppt/presentation.xml")) return { kind: "pptx" };
    return { refusal: "unsupported" };
  }
  if (names.has("mimetype")) {
    const mimetype = odfMimetype(head);
    if (mimetype === ACCEPTED_TYPES.odt.mime) return { kind: "odt" };
    if (mimetype === ACCEPTED_TYPES.ods.mime) return { kind: "ods" };
  }
  return { refusal: "unsupported" };
}

/** ODF requires `mimetype` as the first entry, stored uncompressed: its text is at a fixed place. */
function odfMimetype(head: Uint8Array): string | null {
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || head.length < 30) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const method = view.getUint16(8, true);
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (method !== 0 || ascii(head, 30, nameLength) !== "mimetype" || size > 200) return null;
  const start = 30 + nameLength + extraLength;
  if (start + size > head.length) return null;
  return ascii(head, start, size);
}

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export function extensionMatches(kind: FileKind, fileName: string): boolean {
  return (ACCEPTED_TYPES[kind].extensions as readonly string[]).includes(extensionOf(fileName));
}
