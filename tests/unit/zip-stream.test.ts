import { Readable } from "node:stream";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { findZipEnd } from "@/lib/evidence/zip-directory";
import { zipStream, type ZipSource } from "@/lib/export/zip-stream";

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

async function zip(sources: ZipSource[]) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipStream(sources)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const source = (name: string, text: string, modifiedAt = new Date("2026-01-02T03:04:06Z"), size = Buffer.byteLength(text)): ZipSource => ({
  name,
  size,
  modifiedAt,
  open: () => Readable.from([Buffer.from(text)]),
});

function centralEntries(archive: Buffer) {
  const end = findZipEnd(archive.subarray(Math.max(0, archive.length - 65557)), archive.length)!;
  const view = archive.subarray(end.directoryOffset, end.directoryOffset + end.directorySize);
  const entries = [];
  let at = 0;
  for (let index = 0; index < end.entryCount; index++) {
    const nameLength = view.readUInt16LE(at + 28);
    const time = view.readUInt16LE(at + 12);
    const date = view.readUInt16LE(at + 14);
    const local = view.readUInt32LE(at + 42);
    const size = view.readUInt32LE(at + 24);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    entries.push({
      name: view.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
      method: view.readUInt16LE(at + 10),
      stamp: `${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time >> 11}:${(time >> 5) & 63}:${(time & 31) * 2}`,
      text: data.toString("utf8"),
      crcMatches: zlib.crc32(data) === view.readUInt32LE(at + 16),
    });
    at += 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return entries;
}

describe("zipStream", () => {
  it("stores every entry with its bytes, CRC and UTF-8 name, in order", async () => {
    const entries = centralEntries(await zip([source("1 Kebijakan/SOP layanan.pdf", "isi pertama"), source("Tanpa indikator/tautan.txt", "isi kedua")]));
    expect(entries.map(({ name, method, text, crcMatches }) => ({ name, method, text, crcMatches }))).toEqual([
      { name: "1 Kebijakan/SOP layanan.pdf", method: 0, text: "isi pertama", crcMatches: true },
      { name: "Tanpa indikator/tautan.txt", method: 0, text: "isi kedua", crcMatches: true },
    ]);
  });

  it("writes times in UTC whatever the server's time zone", async () => {
    process.env.TZ = "Asia/Jayapura";
    const [entry] = centralEntries(await zip([source("a.txt", "a")]));
    expect(entry!.stamp).toBe("2026-1-2 3:4:6");
  });

  it("fails when a source does not deliver the size it announced", async () => {
    await expect(zip([source("a.txt", "abc", undefined, 5)])).rejects.toThrow("a.txt: read 3 bytes, expected 5");
  });

  it("opens the next source only after the previous one is read to its end", async () => {
    const events: string[] = [];
    const lazy = (name: string): ZipSource => ({
      ...source(name, name),
      open: () => {
        events.push(`open ${name}`);
        return Readable.from([Buffer.from(name)]).on("end", () => events.push(`end ${name}`));
      },
    });
    await zip([lazy("a"), lazy("b"), lazy("c")]);
    expect(events).toEqual(["open a", "end a", "open b", "end b", "open c", "end c"]);
  });
});
