/**
 * Evidence upload benchmark (results in docs/benchmarks.md):
 * 1. throughput of one 100 MB upload through the upload endpoint (tus POST + one PATCH,
 *    including the content check, hashing, the durable store and the database row),
 *    compared with `dd conv=fsync` writing the same bytes on the same disk;
 * 2. the upload server's resident memory while ten 50 MB uploads run at once.
 *
 *   npx tsx scripts/bench-evidence.ts      (or: npm run bench:evidence)
 *
 * Runs on a fresh embedded database and a temporary DATA_DIR; the server is the upload
 * endpoint in its own process (tests/support/upload-server.ts), reached over loopback.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const MB = 1024 * 1024;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-bench-"));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
process.env.UPLOAD_MAX_BYTES = String(128 * MB);
process.env.LOG_LEVEL = "error";

const { startEmbeddedServer } = await import("@/lib/db/embedded-server");
const { applyMigrations } = await import("@/lib/db/schema-engine");
const { db, setDatabaseUrl } = await import("@/lib/db");

const embedded = await startEmbeddedServer();
await applyMigrations(embedded.url);
setDatabaseUrl(embedded.url);
const instansi = await db.instansi.create({ data: { code: "bench", name: "Instansi Uji Kinerja", kind: "KOTA" } });
const unit = await db.unit.create({ data: { instansiId: instansi.id, code: "bench-unit", name: "Unit Uji", functions: [] } });
const user = await db.user.create({
  data: { email: "bench@uji", name: "Uji Kinerja", memberships: { create: { role: "ADMIN_OPD", instansiId: instansi.id, unitId: unit.id } } },
});

/** A distinct MP4-looking file (accepted type) of `size` bytes. */
function makeFile(name: string, size: number, seed: number): string {
  const file = path.join(dataDir, name);
  const block = randomBytes(MB);
  const handle = fs.openSync(file, "w");
  const header = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(12)]);
  header.writeUInt32BE(seed, 16);
  fs.writeSync(handle, header);
  for (let written = header.length; written < size; written += MB) fs.writeSync(handle, block, 0, Math.min(MB, size - written));
  fs.closeSync(handle);
  return file;
}

const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "tests/support/upload-server.ts"], {
  env: { ...process.env, DATABASE_URL: embedded.url, PORT: String(port), UPLOAD_USER_ID: user.id },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve()));

async function upload(file: string): Promise<number> {
  const size = fs.statSync(file).size;
  const started = performance.now();
  const created = await fetch(`${base}/api/v1/uploads`, {
    method: "POST",
    headers: { "Tus-Resumable": "1.0.0", "Upload-Length": String(size), "Upload-Metadata": `filename ${Buffer.from(path.basename(file)).toString("base64")}` },
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const location = created.headers.get("location")!;
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(`${base}${location}`, {
      method: "PATCH",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream", "Content-Length": String(size) },
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    fs.createReadStream(file).pipe(request);
  });
  if (status !== 204) throw new Error(`upload: ${status}`);
  return performance.now() - started;
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);

try {
  // 1. One 100 MB file, three times each way.
  const portalMs: number[] = [];
  const ddMs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const file = makeFile(`besar-${run}.mp4`, 100 * MB, run);
    portalMs.push(await upload(file));
    const started = performance.now();
    const dd = spawnSync("dd", [`if=${file}`, `of=${path.join(dataDir, `dd-${run}.out`)}`, "bs=1M", "conv=fsync"], { stdio: "ignore" });
    if (dd.status !== 0) throw new Error("dd failed");
    ddMs.push(performance.now() - started);
    fs.rmSync(file);
  }

  // 2. Ten 50 MB uploads at once, sampling the server's resident memory.
  const files = Array.from({ length: 10 }, (_, index) => makeFile(`sedang-${index}.mp4`, 50 * MB, 100 + index));
  const idleRss = rssOf(server.pid!);
  let peakRss = idleRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid!))), 20);
  const started = performance.now();
  await Promise.all(files.map((file) => upload(file)));
  const concurrentMs = performance.now() - started;
  clearInterval(sampler);

  const portal = median(portalMs);
  const dd = median(ddMs);
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}`);
  console.log(`100 MB through the portal: ${portalMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")} -> median ${mbps(100 * MB, portal).toFixed(0)} MB/s`);
  console.log(`100 MB with dd conv=fsync: ${ddMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")} -> median ${mbps(100 * MB, dd).toFixed(0)} MB/s`);
  console.log(`Ratio portal/dd (time): ${(portal / dd).toFixed(2)}`);
  console.log(`Ten 50 MB uploads at once: ${(concurrentMs / 1000).toFixed(1)} s; server RSS idle ${(idleRss / MB).toFixed(0)} MB, peak ${(peakRss / MB).toFixed(0)} MB (+${((peakRss - idleRss) / MB).toFixed(0)} MB for 500 MB in flight)`);
  console.log(`Stored: ${await db.evidence.count()} evidence items`);
} finally {
  server.kill("SIGTERM");
  await db.$disconnect();
  await embedded.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
