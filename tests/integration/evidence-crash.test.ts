// Crash safety of uploads: the server process is killed (SIGKILL) while an upload streams
// in, then started again. Afterwards there is no half file in storage, no row pointing at
// a missing blob, and the client resumes from the bytes the server kept.
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import * as tus from "tus-js-client";
import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getStorage } from "@/lib/storage";
import { resetDatabase } from "./db-reset";
import { freePort, kill, startChildServer } from "../support/child-server";
import { createFixtures, type Fixtures } from "./fixtures";
import { metadataHeader, resetEvidenceFiles, stagedFiles, storedObjects } from "./evidence-support";
import { samples } from "../support/evidence-files";

let fixtures: Fixtures;
let server: ChildProcess | undefined;

const startServer = (port: number) => startChildServer("tests/support/upload-server.ts", { PORT: String(port), UPLOAD_USER_ID: fixtures.home.userIds.ADMIN_OPD });

beforeEach(async () => {
  await resetDatabase();
  resetEvidenceFiles();
  fixtures = await createFixtures();
});

afterEach(async () => {
  if (server) await kill(server);
});

it("survives a kill in the middle of an upload and resumes afterwards", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const content = samples.pdf("besar", 3 * 1024 * 1024);
  server = await startServer(port);

  const created = await fetch(`${base}/api/v1/uploads`, {
    method: "POST",
    headers: { "Tus-Resumable": "1.0.0", "Upload-Length": String(content.length), "Upload-Metadata": metadataHeader({ filename: "laporan-tahunan.pdf" }) },
  });
  expect(created.status).toBe(201);
  const location = created.headers.get("location")!;
  const staged = path.join(env.DATA_DIR, "uploads", location.split("/").pop()!);

  // Send the first megabyte and keep the request open, as a slow client would.
  const sent = 1024 * 1024;
  const request = http.request(`${base}${location}`, {
    method: "PATCH",
    headers: { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream", "Content-Length": String(content.length) },
  });
  request.on("error", () => {});
  request.write(content.subarray(0, sent));
  for (let tries = 0; tries < 500 && (!fs.existsSync(staged) || fs.statSync(staged).size < sent); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(fs.statSync(staged).size).toBe(sent);

  await kill(server);
  request.destroy();

  // After the crash: nothing visible, nothing half-stored, no row.
  expect(await db.evidence.count()).toBe(0);
  expect(await db.blob.count()).toBe(0);
  expect(storedObjects()).toEqual([]);
  expect(stagedFiles().length).toBeGreaterThan(0);

  server = await startServer(port);
  const head = await fetch(`${base}${location}`, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" } });
  expect(head.status).toBe(200);
  const offset = Number(head.headers.get("upload-offset"));
  expect(offset).toBe(sent);

  // The real client resumes from the URL it kept.
  const patchOffsets: number[] = [];
  const lastResponse = await new Promise<tus.HttpResponse>((resolve, reject) => {
    const upload = new tus.Upload(content, {
      uploadUrl: `${base}${location}`,
      retryDelays: [],
      onBeforeRequest(req) {
        if (req.getMethod() === "PATCH") patchOffsets.push(Number(req.getHeader("Upload-Offset")));
      },
      onSuccess: ({ lastResponse }) => resolve(lastResponse),
      onError: reject,
    });
    upload.start();
  });
  expect(patchOffsets).toEqual([sent]);
  const evidence = JSON.parse(Buffer.from(lastResponse.getHeader("Upload-Evidence")!, "base64url").toString("utf8")) as { id: string };

  const row = await db.evidence.findUniqueOrThrow({ where: { id: evidence.id }, include: { blob: true } });
  expect(row.blob!.sha256).toBe(createHash("sha256").update(content).digest("hex"));
  for (const blob of await db.blob.findMany()) {
    expect(await getStorage().stat(blob.storageKey)).toMatchObject({ size: Number(blob.size) });
  }
  expect(stagedFiles()).toEqual([]);
});
