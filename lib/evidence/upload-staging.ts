// Where the bytes of unfinished uploads wait (DATA_DIR/uploads) until the upload is
// complete; shared by the upload endpoint (lib/http/upload-endpoint.ts) and the sweep.
import { FileStore } from "@tus/file-store";
import { uploadStagingDirectory } from "@/lib/storage";
import { FileLocker } from "./upload-lock";

/** Unfinished uploads are dropped a day after they began (the sweep removes their bytes). */
export const STAGING_EXPIRY_MS = 24 * 60 * 60 * 1000;

let staging: { store: FileStore; locker: FileLocker } | undefined;

function staged() {
  // Shared by every portal process: the bytes, their metadata (a JSON file per upload) and the locks live in one directory.
  staging ??= { store: new FileStore({ directory: uploadStagingDirectory(), expirationPeriodInMilliseconds: STAGING_EXPIRY_MS }), locker: new FileLocker(uploadStagingDirectory()) };
  return staging;
}

export function stagingStore(): FileStore {
  return staged().store;
}

export function stagingLocker(): FileLocker {
  return staged().locker;
}
