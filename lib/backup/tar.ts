// The few parts of the tar format (POSIX ustar) a backup archive needs: regular files with
// short ASCII names, written and read as streams so blobs of any size pass through in
// chunks. Anything else in an archive (links, devices, long names) is refused on reading.
import { Readable } from "node:stream";

const BLOCK = 512;
const NAME = /^[A-Za-z0-9._\/-]{1,99}$/;

export type TarSource = { name: string; size: number; open: () => Promise<Readable> | Readable };

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number): Buffer {
  if (!NAME.test(name) || name.includes("..")) throw new Error(`unsupported tar entry name: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, "ascii");
  block.write(octal(0o600, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(0, 12), 136, "ascii");
  block.write("        ", 148, "ascii");
  block.write("0", 156, "ascii");
  block.write("ustar\u000000", 257, "ascii");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + " ", 148, "ascii");
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive as a stream of chunks; each source must deliver exactly `size` bytes. */
export async function* tarStream(sources: Iterable<TarSource> | AsyncIterable<TarSource>): AsyncGenerator<Buffer> {
  for await (const source of sources) {
    yield header(source.name, source.size);
    let written = 0;
    for await (const chunk of await source.open()) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      written += bytes.length;
      if (written > source.size) throw new Error(`${source.name}: more than the announced ${source.size} bytes`);
      yield bytes;
    }
    if (written !== source.size) throw new Error(`${source.name}: ${written} bytes instead of ${source.size}`);
    yield padding(source.size);
  }
  yield Buffer.alloc(2 * BLOCK);
}

export const bufferSource = (name: string, content: Buffer): TarSource => ({ name, size: content.length, open: () => Readable.from([content]) });

/** Receives one entry's bytes in order; `end` is awaited before the next entry starts. */
export type TarEntrySink = { write(chunk: Buffer): void | Promise<void>; end(): void | Promise<void> };

function parseHeader(block: Buffer): { name: string; size: number } | null {
  if (block.every((byte) => byte === 0)) return null;
  const text = (start: number, length: number) => block.subarray(start, start + length).toString("ascii").replace(/\0.*$/s, "");
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  if (parseInt(text(148, 8).trim(), 8) !== sum) throw new Error("damaged archive: tar header checksum mismatch");
  const type = text(156, 1);
  const name = text(0, 100);
  if ((type !== "0" && type !== "") || !NAME.test(name) || name.includes("..") || text(345, 155) !== "") {
    throw new Error(`unsupported tar entry: ${JSON.stringify(name)}`);
  }
  const size = parseInt(text(124, 12).trim(), 8);
  if (!Number.isSafeInteger(size) || size < 0) throw new Error(`damaged archive: size of ${name}`);
  return { name, size };
}

/** Reads a tar stream, handing each entry's bytes to the sink `open` returns for it. */
export async function readTar(source: AsyncIterable<Uint8Array>, open: (name: string, size: number) => TarEntrySink | Promise<TarEntrySink>): Promise<void> {
  let pending = Buffer.alloc(0);
  let entry: { sink: TarEntrySink; remaining: number; skip: number } | null = null;
  let ended = false;
  for await (const chunk of source) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
    while (!ended) {
      if (entry) {
        if (entry.remaining > 0) {
          if (pending.length === 0) break;
          const part = pending.subarray(0, Math.min(entry.remaining, pending.length));
          pending = pending.subarray(part.length);
          entry.remaining -= part.length;
          await entry.sink.write(part);
          continue;
        }
        if (pending.length < entry.skip) break;
        pending = pending.subarray(entry.skip);
        await entry.sink.end();
        entry = null;
        continue;
      }
      if (pending.length < BLOCK) break;
      const parsed = parseHeader(pending.subarray(0, BLOCK));
      pending = pending.subarray(BLOCK);
      if (!parsed) {
        ended = true;
        break;
      }
      entry = { sink: await open(parsed.name, parsed.size), remaining: parsed.size, skip: padding(parsed.size).length };
    }
  }
  if (entry || !ended) throw new Error("damaged archive: it ends in the middle of an entry");
}
