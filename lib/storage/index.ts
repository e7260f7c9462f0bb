// The storage of this deployment, chosen by STORAGE_DRIVER. Tests may swap it for one
// under a temporary root (useStorage), the way lib/db lets them choose the database.
import path from "node:path";
import { env } from "@/lib/env";
import type { BlobStorage } from "./blob-storage";
import { LocalStorage } from "./local-storage";
import { S3Storage } from "./s3-storage";

export type { BlobStorage, StoredObject } from "./blob-storage";
export { blobKey } from "./blob-storage";

let current: BlobStorage | undefined;

function fromEnvironment(): BlobStorage {
  if (env.STORAGE_DRIVER === "s3") {
    return new S3Storage({
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    });
  }
  return new LocalStorage(path.join(env.DATA_DIR, "evidence"));
}

export function getStorage(): BlobStorage {
  return (current ??= fromEnvironment());
}

export function useStorage(storage: BlobStorage): void {
  current = storage;
}

/** Where resumable uploads wait until they are complete (always local: see README). */
export function uploadStagingDirectory(): string {
  return path.join(env.DATA_DIR, "uploads");
}
