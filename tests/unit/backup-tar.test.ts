// The tar reader and writer of backup archives: whatever the entries and however the
// stream is cut into chunks, what is read is what was written; damaged, truncated and
// unexpected archives are refused.
import { Readable } from "node:stream";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bufferSource, readTar, tarStream } from "@/lib/backup/tar";

async function written(entries: { name: string; content: Buffer }[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of tarStream(entries.map((entry) => bufferSource(entry.name, entry.content)))) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function read(archive: Buffer, cuts: number[] = []): Promise<{ name: string; content: Buffer }[]> {
  const pieces: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > at && cut < archive.length) {
      pieces.push(archive.subarray(at, cut));
      at = cut;
    }
  }
  pieces.push(archive.subarray(at));
  const entries: { name: string; content: Buffer }[] = [];
  await readTar(Readable.from(pieces), (name) => {
    const parts: Buffer[] = [];
    return { write: (chunk) => void parts.push(chunk), end: () => void entries.push({ name, content: Buffer.concat(parts) }) };
  });
  return entries;
}

const ZEntry = fc.record({
  name: fc.stringMatching(/^[a-z0-9]{1,20}(\/[a-z0-9]{1,20}(\.json)?)?$/),
  content: fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
});

describe("backup tar", () => {
  it("reads back exactly what it wrote, however the stream is chunked", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ZEntry, { maxLength: 6 }), fc.array(fc.nat({ max: 20_000 }), { maxLength: 12 }), async (entries, cuts) => {
        expect(await read(await written(entries), cuts)).toEqual(entries);
      }),
      { numRuns: 150 },
    );
  });

  it("writes archives the system tar lists and extracts", async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-tar-"));
    try {
      const file = path.join(directory, "a.tar");
      fs.writeFileSync(file, await written([{ name: "manifest.json", content: Buffer.from("{}") }, { name: "blobs/ab", content: Buffer.alloc(700, 7) }]));
      expect(execFileSync("tar", ["-tf", file], { encoding: "utf8" }).trim().split("\n")).toEqual(["manifest.json", "blobs/ab"]);
      execFileSync("tar", ["-xf", file, "-C", directory]);
      expect(fs.readFileSync(path.join(directory, "blobs/ab"))).toEqual(Buffer.alloc(700, 7));
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it("refuses a damaged header, a truncated archive and names that leave the archive", async () => {
    const archive = await written([{ name: "data.json", content: Buffer.from("[1,2,3]") }]);
    const damaged = Buffer.from(archive);
    damaged[3] = 0x41;
    await expect(read(damaged)).rejects.toThrow(/checksum/);
    await expect(read(archive.subarray(0, 600))).rejects.toThrow(/ends in the middle/);
    await expect(read(archive.subarray(0, 1024))).rejects.toThrow(/ends in the middle/);
    await expect(written([{ name: "../etc/passwd", content: Buffer.alloc(1) }])).rejects.toThrow(/unsupported/);
  });
});
