// Where evidence bytes live, behind one small interface with two drivers (local disk, S3).
// Keys are derived from the instansi and the content hash only, never from anything a
// person typed or a file was called, so no upload can choose where it lands.
import type { Readable } from "node:stream";

export type StoredObject = { key: string; size: number; modifiedAt: Date };

export interface BlobStorage {
  /**
   * Stores `size` bytes from `open()` under `key`. The object becomes visible under its key
   * only once it is completely and durably written; a crash before that leaves nothing at
   * the key (at most a temporary leftover that the sweep removes).
   */
  put(key: string, open: () => Readable, size: number): Promise<void>;
  stat(key: string): Promise<StoredObject | null>;
  /** The bytes of an existing object; throws when it does not exist. */
  read(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  list(): AsyncIterable<StoredObject>;
  /** Removes leftovers of interrupted writes last touched before `before`. */
  removeLeftovers(before: Date): Promise<number>;
}

const INSTANSI_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const KEY = /^[A-Za-z0-9_-]{1,64}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** The storage key of a content hash within an instansi: `<instansiId>/<first two hex>/<sha256>`. */
export function blobKey(instansiId: string, sha256: string): string {
  if (!INSTANSI_ID.test(instansiId)) throw new Error("invalid instansi id for a storage key");
  if (!SHA256.test(sha256)) throw new Error("invalid SHA-256 for a storage key");
  return `${instansiId}/${sha256.slice(0, 2)}/${sha256}`;
}

/** Drivers refuse any key that blobKey could not have produced (defence in depth against traversal). */
export function assertValidKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key.slice(0, 100))}`);
}
