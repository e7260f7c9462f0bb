// Reading a ZIP's central directory: the list of entries with the sizes it claims, enough
// to recognise office formats. The claims are not trusted for zip bombs: inspect-file.ts
// inflates every entry with a cap. Pure functions over byte ranges the caller reads.

export type ZipEntry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localHeaderOffset: number };

/** What a directory claims about an entry, enough to classify the archive. */
export type ZipEntryClaim = Pick<ZipEntry, "name" | "compressedSize" | "uncompressedSize">;

export type ZipEnd = { entryCount: number; directoryOffset: number; directorySize: number };

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const END_SIZE = 22;

/** How many trailing bytes findZipEnd needs at most (the end record plus the longest comment). */
export const ZIP_TAIL_BYTES = END_SIZE + 0xffff;

/**
 * The end-of-central-directory record, found in the last bytes of a file of `fileSize`
 * bytes. Null when there is none, it is inconsistent, or it is ZIP64 (which office
 * documents of this size never need).
 */
export function findZipEnd(tail: Uint8Array, fileSize: number): ZipEnd | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - END_SIZE; at >= 0; at--) {
    if (view.getUint32(at, true) !== END_SIGNATURE) continue;
    const commentLength = view.getUint16(at + 20, true);
    if (at + END_SIZE + commentLength !== tail.length) continue;
    const entryCount = view.getUint16(at + 10, true);
    const directorySize = view.getUint32(at + 12, true);
    const directoryOffset = view.getUint32(at + 16, true);
    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return null;
    const endOffset = fileSize - tail.length + at;
    if (directoryOffset + directorySize > endOffset) return null;
    return { entryCount, directoryOffset, directorySize };
  }
  return null;
}

/** The entries of a central directory; null when it is malformed or disagrees with the end record. */
export function parseZipDirectory(directory: Uint8Array, end: ZipEnd): ZipEntry[] | null {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < end.entryCount; index++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== ENTRY_SIGNATURE) return null;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > directory.length) return null;
    const name = new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return at <= directory.length ? entries : null;
}

const LOCAL_SIGNATURE = 0x04034b50;
/** The fixed part of a local file header; its name and extra field follow. */
export const LOCAL_HEADER_BYTES = 30;

/** Where an entry's data starts, from its local header; null when the header is not one. */
export function localDataOffset(localHeader: Uint8Array, entry: ZipEntry): number | null {
  if (localHeader.length < LOCAL_HEADER_BYTES) return null;
  const view = new DataView(localHeader.buffer, localHeader.byteOffset, localHeader.byteLength);
  if (view.getUint32(0, true) !== LOCAL_SIGNATURE) return null;
  return entry.localHeaderOffset + LOCAL_HEADER_BYTES + view.getUint16(26, true) + view.getUint16(28, true);
}
