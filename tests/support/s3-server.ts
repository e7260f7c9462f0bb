// A real S3 API (s3rver) on loopback, for the S3 storage driver's tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { S3Storage } from "@/lib/storage/s3-storage";

export async function startS3Server(bucket = "bukti-uji") {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const storage = new S3Storage({
    bucket,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    storage,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
