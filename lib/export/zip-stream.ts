// A ZIP archive written as a stream: entries are stored (not compressed; PDFs, images and
// office files are compressed already), each file's bytes pass through once and its CRC
// is computed on the way and written in a data descriptor after it. Memory stays at one
// chunk, whatever the archive's size. No ZIP64: archives stay under 4 GiB.
import type { Readable } from "node:stream";
import zlib from "node:zlib";

export type ZipSource = { name: string; size: number; modifiedAt: Date; open: () => Promise<Readable> | Readable };

/** Archives are refused above this (classic ZIP counts sizes and offsets in 32 bits). */
export const ZIP_MAX_BYTES = 0xffffffff - 64 * 1024 * 1024;

const FLAGS = (1 << 3) | (1 << 11); // sizes and CRC after the data; UTF-8 names

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export async function* zipStream(sources: Iterable<ZipSource> | AsyncIterable<ZipSource>): AsyncGenerator<Uint8Array> {
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const source of sources) {
    const name = Buffer.from(source.name, "utf8");
    const stamp = dosDateTime(source.modifiedAt);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    // The sizes are known in advance and given here too, for readers that stream.
    local.writeUInt32LE(source.size, 18);
    local.writeUInt32LE(source.size, 22);
    local.writeUInt16LE(name.length, 26);
    yield local;
    yield name;

    let crc = 0;
    let written = 0;
    for await (const chunk of await source.open()) {
      const bytes = chunk as Buffer;
      crc = zlib.crc32(bytes, crc);
      written += bytes.length;
      yield bytes;
    }
    if (written !== source.size) throw new Error(`${source.name}: read ${written} bytes, expected ${source.size}`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(written, 8);
    descriptor.writeUInt32LE(written, 12);
    yield descriptor;

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(FLAGS, 8);
    entry.writeUInt16LE(stamp.time, 12);
    entry.writeUInt16LE(stamp.date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(written, 20);
    entry.writeUInt32LE(written, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + written + descriptor.length;
    count++;
    if (offset > ZIP_MAX_BYTES || count >= 0xffff) throw new Error("archive too large for classic ZIP");
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}
