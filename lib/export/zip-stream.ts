// A ZIP archive written as a stream, on archiver (ZIP64 when an archive or an entry passes
// 4 GiB; DOS times in UTC, whatever the server's time zone). Entries are stored, not
// compressed (PDFs, images and office files are compressed already), and opened one at a
// time: the next source is opened only when the previous entry is written, so memory and
// open files stay at one entry whatever the archive's size.
import { once } from "node:events";
import { Transform, type Readable } from "node:stream";
import { ZipArchive } from "archiver";

export type ZipSource = { name: string; size: number; modifiedAt: Date; open: () => Promise<Readable> | Readable };

/** Passes the bytes through and fails the entry when they are not the size the source announced. */
function expectSize(name: string, size: number): Transform {
  let written = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      written += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      callback(written === size ? null : new Error(`${name}: read ${written} bytes, expected ${size}`));
    },
  });
}

export async function* zipStream(sources: Iterable<ZipSource> | AsyncIterable<ZipSource>): AsyncGenerator<Uint8Array> {
  const archive = new ZipArchive({ store: true, forceLocalTime: false });
  const feed = (async () => {
    for await (const source of sources) {
      const checked = (await source.open()).on("error", (error) => checked.destroy(error)).pipe(expectSize(source.name, source.size));
      const written = once(archive, "entry");
      checked.on("error", (error) => archive.destroy(error));
      archive.append(checked, { name: source.name, date: source.modifiedAt });
      await written;
    }
    await archive.finalize();
  })();
  feed.catch((error: unknown) => archive.destroy(error instanceof Error ? error : new Error(String(error))));
  try {
    for await (const chunk of archive) yield chunk as Buffer;
    await feed;
  } finally {
    archive.destroy();
  }
}
