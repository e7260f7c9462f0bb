// Evidence on local disk, content-addressed under one root (DATA_DIR/evidence by default).
// Write order for crash safety: a temporary file in the same file system, fsync, atomic
// rename onto the key, fsync of the directory. A reader therefore sees either nothing or
// the complete file, never a half one, even after a power cut.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { assertValidKey, type BlobStorage, type StoredObject } from "./blob-storage";

export class LocalStorage implements BlobStorage {
  private readonly objects: string;
  private readonly temporary: string;

  constructor(root: string) {
    this.objects = path.join(root, "blobs");
    this.temporary = path.join(root, "tmp");
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const full = path.join(this.objects, ...key.split("/"));
    if (!full.startsWith(this.objects + path.sep)) throw new Error("storage key outside the storage root");
    return full;
  }

  async put(key: string, open: () => Readable, size: number): Promise<void> {
    const target = this.pathOf(key);
    await fsp.mkdir(this.temporary, { recursive: true });
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(this.temporary, `${randomBytes(12).toString("hex")}.part`);
    try {
      await pipeline(open(), fs.createWriteStream(temporary, { flags: "wx", mode: 0o600 }));
      // fsync through a second descriptor flushes the same file's data.
      const handle = await fsp.open(temporary, "r");
      try {
        const { size: written } = await handle.stat();
        if (written !== size) throw new Error(`stored ${written} bytes, expected ${size}`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temporary, target);
    } catch (error) {
      await fsp.rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(path.dirname(target));
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const stats = await fsp.stat(this.pathOf(key));
      return { key, size: stats.size, modifiedAt: stats.mtime };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    // Open first so a missing file fails here, not halfway through a response.
    const handle = await fsp.open(file, "r");
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const instansi of await readDirectory(this.objects)) {
      for (const prefix of await readDirectory(path.join(this.objects, instansi))) {
        for (const name of await readDirectory(path.join(this.objects, instansi, prefix))) {
          const key = `${instansi}/${prefix}/${name}`;
          const stored = /^[0-9a-f]{64}$/.test(name) ? await this.stat(key).catch(() => null) : null;
          if (stored) yield stored;
        }
      }
    }
  }

  async removeLeftovers(before: Date): Promise<number> {
    let removed = 0;
    for (const name of await readDirectory(this.temporary)) {
      const file = path.join(this.temporary, name);
      const stats = await fsp.stat(file).catch(() => null);
      if (stats && stats.mtime < before) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

async function readDirectory(directory: string): Promise<string[]> {
  try {
    return await fsp.readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Makes a rename durable: the directory entry itself is flushed. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await fsp.open(directory, fs.constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
