// Evidence in S3-compatible object storage, for deployments with several portal instances.
// A PUT becomes visible only when the whole object has arrived, so the crash-safety
// promise of the interface holds without temporary objects.
import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertValidKey, type BlobStorage, type StoredObject } from "./blob-storage";

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const PREFIX = "evidence/";

export class S3Storage implements BlobStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle ?? false,
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      // Newer SDKs add streaming checksums (aws-chunked bodies) that many S3-compatible
      // servers do not understand; the content hash is checked by the portal anyway.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return PREFIX + key;
  }

  async put(key: string, open: () => Readable, size: number): Promise<void> {
    const body = open();
    // A source that fails midway must fail the request; left alone, the SDK waits forever.
    const abort = new AbortController();
    let failure: unknown;
    body.once("error", (error) => {
      failure = error;
      abort.abort(error);
    });
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Body: body, ContentLength: size, ContentType: "application/octet-stream" }),
        { abortSignal: abort.signal },
      );
    } catch (error) {
      throw failure ?? error;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return { key, size: Number(head.ContentLength ?? 0), modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    if (!object.Body) throw new Error(`empty response for ${key}`);
    return object.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(PREFIX.length) ?? "";
        if (/^[A-Za-z0-9_-]{1,64}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) {
          yield { key, size: Number(object.Size ?? 0), modifiedAt: object.LastModified ?? new Date(0) };
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async removeLeftovers(): Promise<number> {
    return 0;
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode === 404 || error.name === "NotFound" || error.name === "NoSuchKey";
  return false;
}
