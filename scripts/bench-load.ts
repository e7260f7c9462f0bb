/**
 * Load benchmark (results in docs/benchmarks.md; not a test, not part of `npm test`).
 *
 *   npm run build      (or NEXT_DIST_DIR=.next-x npx next build, then the same NEXT_DIST_DIR here)
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:load [-- --duration 20 --connections 100 --keep]
 *
 * 1. creates a scratch database on the PostgreSQL server in DATABASE_URL, migrates it and
 *    loads the national-scale dataset (scripts/bench-load-data.ts, set-based SQL);
 * 2. starts the production build against it (`next start`, its own process) and, as the
 *    ceiling, a bare Node HTTP server answering the score API's exact JSON;
 * 3. signs 100 Admin OPD and 100 Koordinator accounts of different agencies in through
 *    /api/auth/callback/credentials and keeps their session cookies;
 * 4. from this process, with autocannon over loopback and 100 connections at once,
 *    measures the ceiling, the public score API, the indicator form page (each Admin OPD
 *    on their own indicator), the dashboard (each Koordinator) and the answer save: the
 *    real server action of the indicator form, posted as the browser posts it (its
 *    Next-Action id read from the build's server-reference-manifest.json, the arguments
 *    encoded as React encodes them), each connection saving its own agency's answer with
 *    the version it last got back, so every save is a real write with its audit record;
 * 5. prints requests/s, p50/p95/p99 latency, errors, and each endpoint's ratio to the
 *    ceiling; drops the scratch database unless --keep.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { BENCH_PASSWORD, koordinatorEmail, ownerEmail, periodId, seedNationalDataset } from "./bench-load-data";

const { values: options } = parseArgs({
  options: { duration: { type: "string", default: "20" }, connections: { type: "string", default: "100" }, keep: { type: "boolean", default: false } },
});
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const serverUrl = process.env.DATABASE_URL;
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!serverUrl) throw new Error("DATABASE_URL must name a PostgreSQL server: the benchmark creates its own database there.");
if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`No production build in ${distDir}: run \`npm run build\` first.`);
process.env.LOG_LEVEL = "error";

const { createScratchDatabase } = await import("../tests/support/scratch-database");
const { applyMigrations } = await import("@/lib/db/schema-engine");
const { db, setDatabaseUrl } = await import("@/lib/db");
const { ensureShippedFrameworks } = await import("@/lib/framework-versions/store");
const { hashPassword } = await import("@/lib/auth/password");

// ------------------------------------------------------------------ dataset
const scratch = await createScratchDatabase(serverUrl, "spbe_bench");
const port = 3800 + Math.floor(Math.random() * 100);
const ceilingPort = port + 100;
const base = `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];

function startChild(command: string, args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes(ready) && resolve(child));
    child.once("exit", (code) => reject(new Error(`${command} exited with ${code}`)));
  });
}

async function cleanUp() {
  // The servers go first, so dropping the database does not fail their last requests.
  await Promise.all(
    children.map((child) =>
      child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM")),
    ),
  );
  if (!options.keep) await scratch.drop().catch(() => {});
}

try {
  console.log(`Database ${scratch.name}: migrating and loading the national dataset...`);
  await applyMigrations(scratch.url);
  setDatabaseUrl(scratch.url);
  const spbe = (await ensureShippedFrameworks(db)).find((version) => version.code === "spbe-2020")!;
  const indicatorOne = (await db.frameworkNode.findFirstOrThrow({ where: { versionId: spbe.id, number: 1 } })).id;
  const seedClient = new pg.Client({ connectionString: scratch.url });
  await seedClient.connect();
  const seeded = await seedNationalDataset(seedClient, spbe.id, await hashPassword(BENCH_PASSWORD));
  const databaseSize = (await seedClient.query<{ size: string }>("SELECT pg_size_pretty(pg_database_size(current_database())) AS size")).rows[0]!.size;
  await seedClient.end();
  await db.$disconnect();
  console.log(`Loaded in ${seeded.seconds.toFixed(1)} s (${databaseSize}):`, seeded.counts);

  // ---------------------------------------------------------------- servers
  await startChild(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    DATABASE_URL: scratch.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: base,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    LOG_LEVEL: "warn",
  }, "Ready");

  const scoreBody = JSON.stringify({ values: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), (i % 5) + 1])), predicateBasis: "exact" });
  const scoreResponse = await fetch(`${base}/api/v1/frameworks/spbe-2020/score`, { method: "POST", headers: { "content-type": "application/json" }, body: scoreBody });
  if (scoreResponse.status !== 200) throw new Error(`score API: ${scoreResponse.status}`);
  const scoreJson = await scoreResponse.text();
  // The ceiling: the same JSON from a bare Node HTTP server, in its own process like the portal.
  const ceilingCode = `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => s.writeHead(200, { "content-type": "application/json" }).end(process.env.BODY)); }).listen(${ceilingPort}, "127.0.0.1", () => console.log("listening"));`;
  await startChild(process.execPath, ["-e", ceilingCode], { BODY: scoreJson }, "listening");

  // ---------------------------------------------------------------- sessions
  async function signIn(email: string): Promise<string> {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
      body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: "true" }),
    });
    const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token="));
    if (!session) throw new Error(`sign-in of ${email} failed: ${response.status}`);
    return session.split(";")[0]!;
  }
  const agencies = Array.from({ length: CONNECTIONS }, (_, i) => i + 1);
  console.log(`Signing in ${agencies.length} Admin OPD and ${agencies.length} Koordinator accounts...`);
  const owners: { agency: number; cookie: string }[] = [];
  const koordinators: { agency: number; cookie: string }[] = [];
  for (let start = 0; start < agencies.length; start += 10) {
    const batch = agencies.slice(start, start + 10);
    owners.push(...(await Promise.all(batch.map(async (agency) => ({ agency, cookie: await signIn(ownerEmail(agency)) })))));
    koordinators.push(...(await Promise.all(batch.map(async (agency) => ({ agency, cookie: await signIn(koordinatorEmail(agency)) })))));
  }

  // ---------------------------------------------------------------- the save action
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const saveActionId = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "saveAnswer" && entry.filename?.endsWith("indikator/[number]/actions.ts"))?.[0];
  if (!saveActionId) throw new Error("saveAnswer action not found in the build's server-reference-manifest.json");
  const versions = new Map(agencies.map((agency) => [agency, 1]));
  const idle = [...owners];
  const boundary = "----bench" + randomBytes(8).toString("hex");
  /** The body React's encodeReply makes of `save(IDLE, formData)`: the FormData's fields under "_1_", the arguments in "0". */
  function saveBody(agency: number, version: number, round: number): string {
    const fields: [string, string][] = [
      ["_1_periodId", periodId(agency)],
      ["_1_indicatorId", indicatorOne],
      ["_1_version", String(version)],
      ["_1_level", String((round % 5) + 1)],
      ["_1_explanation", `Fakta: Perbup Arsitektur SPBE pasal 3. Analisis: kriteria terpenuhi (simpanan ${round}).`],
      ["_1_evidenceWaiverReason", ""],
      ["0", JSON.stringify([{ status: "idle" }, "$K1"])],
    ];
    return fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  }
  let saveRound = 0;
  const saveOutcomes = { ok: 0, conflict: 0, other: 0 };
  const probe = await fetch(`${base}/periode/${periodId(1)}/indikator/1`, {
    method: "POST",
    headers: { cookie: owners[0]!.cookie, "next-action": saveActionId, accept: "text/x-component", origin: base, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: saveBody(1, 1, 0),
  });
  const probeText = await probe.text();
  if (!probeText.includes('"status":"ok"')) throw new Error(`the save action did not save: ${probe.status} ${probeText.slice(0, 500)}`);
  versions.set(1, Number(/"version":"(\d+)"/.exec(probeText)![1]));

  // ---------------------------------------------------------------- measuring
  type Measured = { name: string; requestsPerSecond: number; p50: number; p95: number; p99: number; requests: number; errors: number; load: number };
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

  /** A 5-second warm-up (JIT, caches, pools), then the measured run. */
  async function measure(name: string, options: autocannon.Options, beforeMeasuring?: () => Promise<void>): Promise<Measured> {
    await autocannon({ ...options, connections: CONNECTIONS, duration: 5, timeout: 60 });
    await beforeMeasuring?.();
    // The 1-minute load average as the run starts: on a shared machine, other work shows here.
    const load = os.loadavg()[0]!;
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ ...options, connections: CONNECTIONS, duration: DURATION, timeout: 60 }, (error, done) => (error ? reject(error) : resolve(done)));
      instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    latencies.sort((a, b) => a - b);
    const measured = {
      name,
      requestsPerSecond: result.requests.total / DURATION,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      requests: result.requests.total,
      errors: result.errors + result.timeouts + result.non2xx,
      load,
    };
    console.log(`${name}: ${measured.requestsPerSecond.toFixed(0)} req/s, p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms, ${measured.errors} errors of ${measured.requests}`);
    return measured;
  }

  let next = 0;
  const take = <T>(pool: T[]) => pool[next++ % pool.length]!;
  const results: Measured[] = [];
  results.push(await measure("ceiling (bare Node HTTP, same JSON)", { url: `http://127.0.0.1:${ceilingPort}/`, method: "POST", headers: { "content-type": "application/json" }, body: scoreBody }));
  results.push(await measure("score API (POST /api/v1/frameworks/spbe-2020/score)", { url: `${base}/api/v1/frameworks/spbe-2020/score`, method: "POST", headers: { "content-type": "application/json" }, body: scoreBody }));
  results.push(
    await measure("indicator form page (Admin OPD, own indicator)", {
      url: base,
      requests: [{ method: "GET", setupRequest: (request) => {
        const owner = take(owners);
        return { ...request, path: `/periode/${periodId(owner.agency)}/indikator/1`, headers: { ...request.headers, cookie: owner.cookie } };
      } }],
    }),
  );
  results.push(
    await measure("dashboard page (Koordinator)", {
      url: base,
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: "/dasbor", headers: { ...request.headers, cookie: take(koordinators).cookie } }) }],
    }),
  );
  // Saves cut off when the warm-up ended are still being written: once the versions in the
  // database stop moving, start the measured run from them.
  async function syncVersions() {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const read = async () =>
      (await client.query<{ periodId: string; version: number }>(`SELECT "periodId", version FROM "Answer" WHERE stage = 'SELF' AND "indicatorId" = $1 AND "periodId" = ANY($2) ORDER BY "periodId"`, [indicatorOne, agencies.map((agency) => periodId(agency))])).rows;
    let rows = await read();
    for (let tries = 0; tries < 60; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const again = await read();
      const settled = JSON.stringify(again) === JSON.stringify(rows);
      rows = again;
      if (settled) break;
    }
    await client.end();
    for (const row of rows) versions.set(Number(/^bpr(\d+)-/.exec(row.periodId)![1]), row.version);
    idle.splice(0, idle.length, ...owners);
  }
  const saveRequest: autocannon.Options = {
      url: base,
      requests: [
        {
          method: "POST",
          setupRequest: (request, context) => {
            // Each request saves an answer nobody else is saving at that moment, at its last known version.
            const owner = idle.pop() ?? take(owners);
            (context as { agency: number }).agency = owner.agency;
            return {
              ...request,
              path: `/periode/${periodId(owner.agency)}/indikator/1`,
              headers: { ...request.headers, cookie: owner.cookie, "next-action": saveActionId, accept: "text/x-component", origin: base, "content-type": `multipart/form-data; boundary=${boundary}` },
              body: saveBody(owner.agency, versions.get(owner.agency)!, saveRound++),
            };
          },
          onResponse: (_status, body, context) => {
            const agency = (context as { agency: number }).agency;
            const version = /"version":"(\d+)"/.exec(body)?.[1];
            if (body.includes('"status":"ok"')) saveOutcomes.ok++;
            else if (body.includes('"code":"conflict"')) saveOutcomes.conflict++;
            else if (saveOutcomes.other++ === 0) console.log(`unexpected save response: ${_status} ${body.slice(0, 300)}`);
            if (version) versions.set(agency, Number(version));
            idle.push(owners[agency - 1]!);
          },
        },
      ],
  };
  results.push(
    await measure("answer save (server action, a real write)", saveRequest, async () => {
      await syncVersions();
      Object.assign(saveOutcomes, { ok: 0, conflict: 0, other: 0 });
    }),
  );
  console.log("save outcomes:", saveOutcomes);
  // A refused save still answers 200 (the form shows the refusal): count it as an error here.
  results.at(-1)!.errors += saveOutcomes.conflict + saveOutcomes.other;

  const ceiling = results[0]!.requestsPerSecond;
  console.log(`\n| endpoint | req/s | ratio to ceiling | p50 ms | p95 ms | p99 ms | errors / requests | load before |\n|---|---|---|---|---|---|---|---|`);
  for (const row of results) {
    console.log(`| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${(row.requestsPerSecond / ceiling).toFixed(4)} | ${row.p50.toFixed(0)} | ${row.p95.toFixed(0)} | ${row.p99.toFixed(0)} | ${row.errors} / ${row.requests} | ${row.load.toFixed(1)} |`);
  }
  console.log(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}; ${CONNECTIONS} connections, ${DURATION} s per endpoint after a 5 s warm-up`);
} finally {
  await cleanUp();
}
process.exit(0);
