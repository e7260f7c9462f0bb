// Two portal processes share DATA_DIR/uploads and one database (as `npm start` runs them
// with WEB_CONCURRENCY > 1, or two instances on a shared file system): an upload started
// on one finishes on the other, and a request on the second process makes a still-open
// request on the first stop writing before it answers, so no bytes are written twice.
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { resetDatabase } from "./db-reset";
import { freePort, kill, startChildServer } from "../support/child-server";
import { createFixtures, type Fixtures } from "./fixtures";
import { metadataHeader, resetEvidenceFiles, stagedFiles } from "./evidence-support";
import { samples } from "../support/evidence-files";

let fixtures: Fixtures;
let servers: ChildProcess[] = [];
const tus = { "Tus-Resumable": "1.0.0" };

async function startServers(): Promise<[string, string]> {
  const ports = [await freePort(), await freePort()];
  servers = await Promise.all(ports.map((port) => startChildServer("tests/support/upload-server.ts", { PORT: String(port), UPLOAD_USER_ID: fixtures.home.userIds.ADMIN_OPD })));
  return [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`];
}

beforeEach(async () => {
  await resetDatabase();
  resetEvidenceFiles();
  fixtures = await createFixtures();
});

afterEach(async () => {
  await Promise.all(servers.map(kill));
  servers = [];
});

const content = samples.pdf("dua-proses", 2 * 1024 * 1024);
const sha256 = createHash("sha256").update(content).digest("hex");

async function create(base: string): Promise<string> {
  const created = await fetch(`${base}/api/v1/uploads`, {
    method: "POST",
    headers: { ...tus, "Upload-Length": String(content.length), "Upload-Metadata": metadataHeader({ filename: "laporan-dua-proses.pdf" }) },
  });
  expect(created.status).toBe(201);
  return created.headers.get("location")!;
}

function patch(base: string, location: string, offset: number, end = content.length) {
  return fetch(`${base}${location}`, {
    method: "PATCH",
    headers: { ...tus, "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
    body: content.subarray(offset, end),
  });
}

async function offsetOn(base: string, location: string): Promise<number> {
  const head = await fetch(`${base}${location}`, { method: "HEAD", headers: tus });
  expect(head.status).toBe(200);
  return Number(head.headers.get("upload-offset"));
}

async function expectStoredOnce(): Promise<void> {
  const rows = await db.evidence.findMany({ include: { blob: true } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.blob!.sha256).toBe(sha256);
  expect(stagedFiles()).toEqual([]);
}

it("finishes on the second process an upload the first one started", async () => {
  const [first, second] = await startServers();
  const location = await create(first);
  const half = Math.floor(content.length / 2);
  expect((await patch(first, location, 0, half)).status).toBe(204);

  expect(await offsetOn(second, location)).toBe(half);
  const last = await patch(second, location, half);
  expect(last.status).toBe(204);
  expect(last.headers.get("upload-evidence")).toBeTruthy();
  await expectStoredOnce();
});

it("a request on the second process stops a request still open on the first", async () => {
  const [first, second] = await startServers();
  const location = await create(first);
  const staged = path.join(env.DATA_DIR, "uploads", location.split("/").pop()!);

  // A slow client on the first process: one megabyte sent, the request kept open.
  const sent = 1024 * 1024;
  const open = http.request(`${first}${location}`, {
    method: "PATCH",
    headers: { ...tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream", "Content-Length": String(content.length) },
  });
  const ended = new Promise<void>((resolve) => {
    open.on("response", (response) => response.resume().on("end", resolve));
    open.on("error", () => resolve());
  });
  open.write(content.subarray(0, sent));
  for (let tries = 0; tries < 500 && (!fs.existsSync(staged) || fs.statSync(staged).size < sent); tries++) await new Promise((resolve) => setTimeout(resolve, 10));

  // The client gives up on that connection and asks the other process where to resume.
  const offset = await offsetOn(second, location);
  await ended;
  expect(offset).toBe(fs.statSync(staged).size);
  // Bytes the first request still carries must not land after the second one has the upload.
  open.write(content.subarray(sent, sent + 4096), () => {});
  open.destroy();

  const last = await patch(second, location, offset);
  expect(last.status).toBe(204);
  await expectStoredOnce();
});
