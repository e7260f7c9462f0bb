/**
 * Load benchmark against the framework's own floor (results in docs/benchmarks.md; not a
 * test, not part of `npm test`).
 *
 *   npm run build      (or NEXT_DIST_DIR=.next-x npx next build, then the same NEXT_DIST_DIR here)
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:load \
 *     [-- --duration 10 --connections 20 --processes 2 --agencies 600 --keep]
 *
 * 1. creates a scratch database on the PostgreSQL server in DATABASE_URL, migrates it and
 *    loads the national-scale dataset (scripts/bench-load-data.ts, set-based SQL;
 *    `--agencies` loads fewer agencies of the same shape when time is short);
 * 2. starts the portal as `npm start` does (scripts/portal-server.ts, production build),
 *    first with one process, then with `--processes` (WEB_CONCURRENCY, default: the cores),
 *    and once, as the ceiling, a bare Node HTTP server answering the score API's exact JSON;
 * 3. signs Admin OPD and Koordinator accounts of different agencies in through
 *    /api/auth/callback/credentials and keeps their session cookies up to date from the
 *    responses, as a browser does;
 * 4. measures, with autocannon over loopback (a 5 s warm-up, then `--duration` seconds):
 *    the floor the framework itself sets in this build (the liveness route `/api/ping`
 *    without the proxy and through it, anonymous and signed in; the sign-in page `/masuk`
 *    as the trivial dynamic page; the password page `/akun/kata-sandi` as the trivial
 *    signed-in page), then the public score API, the indicator form (each Admin OPD on their
 *    own indicator), the dashboard (each Koordinator) and the answer save: the real server
 *    action of the indicator form, posted as the browser posts it, each connection saving
 *    its own agency's answer at the version it last got back (a real write with its audit row);
 * 5. reads the CPU time the portal's processes and the scratch database's PostgreSQL
 *    backends spent during each measured run (/proc, so Linux only) and prints, per
 *    endpoint, requests/s, latency, CPU ms per request and PostgreSQL ms per request, then
 *    the issue's goals as ratios to the floor of the same run, for 1 and N processes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { AGENCIES, BENCH_PASSWORD, koordinatorEmail, ownerEmail, periodId, seedNationalDataset } from "./bench-load-data";

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    processes: { type: "string", default: String(Math.max(1, os.availableParallelism())) },
    agencies: { type: "string", default: String(AGENCIES) },
    keep: { type: "boolean", default: false },
  },
});
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const PROCESSES = Number(options.processes);
const AGENCY_COUNT = Number(options.agencies);
if (CONNECTIONS > AGENCY_COUNT) throw new Error("--connections must not exceed --agencies: each connection is a different agency.");
const serverUrl = process.env.DATABASE_URL;
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!serverUrl) throw new Error("DATABASE_URL must name a PostgreSQL server: the benchmark creates its own database there.");
if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`No production build in ${distDir}: run \`npm run build\` first.`);
if (!fs.existsSync("/proc/self/stat")) throw new Error("The benchmark reads CPU time from /proc: run it on Linux.");
process.env.LOG_LEVEL = "error";

const { createScratchDatabase } = await import("../tests/support/scratch-database");
const { applyMigrations } = await import("@/lib/db/schema-engine");
const { db, setDatabaseUrl } = await import("@/lib/db");
const { ensureShippedFrameworks } = await import("@/lib/framework-versions/store");
const { hashPassword } = await import("@/lib/auth/password");

// ------------------------------------------------------------------ CPU time from /proc
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture the portal runs on

/** utime + stime of one process in ms, or null when it is gone. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The process and all its descendants (the cluster primary and its workers). */
function processTree(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // ended while listing
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  return tree;
}

// ------------------------------------------------------------------ dataset
const scratch = await createScratchDatabase(serverUrl, "spbe_bench");
const port = 3800 + Math.floor(Math.random() * 100);
const ceilingPort = port + 100;
const base = `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];
const monitor = new pg.Client({ connectionString: serverUrl });

function startChild(command: string, args: string[], env: Record<string, string>, ready?: string): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    if (!ready) resolve(child);
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes(ready ?? "") && resolve(child));
    child.once("exit", (code) => reject(new Error(`${command} exited with ${code}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM"));
}

async function cleanUp() {
  // The servers go first, so dropping the database does not fail their last requests.
  await Promise.all(children.map(stopChild));
  await monitor.end().catch(() => {});
  if (!options.keep) await scratch.drop().catch(() => {});
}

/** The PostgreSQL backends serving the scratch database now, and the CPU each has spent. */
async function databaseCpu(): Promise<Map<number, number>> {
  const { rows } = await monitor.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [scratch.name]);
  return new Map(rows.flatMap(({ pid }) => {
    const cpu = processCpuMs(pid);
    return cpu === null ? [] : [[pid, cpu] as [number, number]];
  }));
}

try {
  console.log(`Database ${scratch.name}: migrating and loading ${AGENCY_COUNT} agencies...`);
  await applyMigrations(scratch.url);
  setDatabaseUrl(scratch.url);
  // On a busy shared machine the framework import can outlast Prisma's 5 s transaction limit: try again.
  const shipped = async (tries: number): Promise<Awaited<ReturnType<typeof ensureShippedFrameworks>>> =>
    ensureShippedFrameworks(db).catch((error: { code?: string }) => (error.code === "P2028" && tries > 1 ? shipped(tries - 1) : Promise.reject(error)));
  const spbe = (await shipped(5)).find((version) => version.code === "spbe-2020")!;
  const indicatorOne = (await db.frameworkNode.findFirstOrThrow({ where: { versionId: spbe.id, number: 1 } })).id;
  const seedClient = new pg.Client({ connectionString: scratch.url });
  await seedClient.connect();
  const seeded = await seedNationalDataset(seedClient, spbe.id, await hashPassword(BENCH_PASSWORD), AGENCY_COUNT);
  const databaseSize = (await seedClient.query<{ size: string }>("SELECT pg_size_pretty(pg_database_size(current_database())) AS size")).rows[0]!.size;
  await seedClient.end();
  await db.$disconnect();
  await monitor.connect();
  console.log(`Loaded in ${seeded.seconds.toFixed(1)} s (${databaseSize}):`, seeded.counts);

  // ---------------------------------------------------------------- servers
  const authSecret = randomBytes(32).toString("base64url");
  /** The portal as `npm start` runs it: scripts/portal-server.ts, WEB_CONCURRENCY processes behind one port. */
  async function startPortal(processes: number): Promise<ChildProcess> {
    const portal = await startChild(process.execPath, ["--import", "tsx", path.resolve("scripts/portal-server.ts")], {
      PORT: String(port),
      WEB_CONCURRENCY: String(processes),
      DATABASE_URL: scratch.url,
      AUTH_SECRET: authSecret,
      NEXTAUTH_URL: base,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      LOG_LEVEL: "warn",
    });
    for (let tries = 0; ; tries++) {
      const answered = await fetch(`${base}/api/ping`).then((response) => response.ok, () => false);
      if (answered) break;
      if (tries > 600) throw new Error("the portal did not answer /api/ping within a minute");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The first process answers before the others have prepared: give them time, so their start is not measured.
    await new Promise((resolve) => setTimeout(resolve, processes > 1 ? 8_000 : 1_000));
    return portal;
  }

  const scoreBody = JSON.stringify({ values: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), (i % 5) + 1])), predicateBasis: "exact" });
  let portal = await startPortal(1);
  const scoreResponse = await fetch(`${base}/api/v1/frameworks/spbe-2020/score`, { method: "POST", headers: { "content-type": "application/json" }, body: scoreBody });
  if (scoreResponse.status !== 200) throw new Error(`score API: ${scoreResponse.status}`);
  const scoreJson = await scoreResponse.text();
  // The ceiling: the same JSON from a bare Node HTTP server, in its own process like the portal.
  const ceilingCode = `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => s.writeHead(200, { "content-type": "application/json" }).end(process.env.BODY)); }).listen(${ceilingPort}, "127.0.0.1", () => console.log("listening"));`;
  const ceilingServer = await startChild(process.execPath, ["-e", ceilingCode], { BODY: scoreJson }, "listening");

  // ---------------------------------------------------------------- sessions
  type Person = { agency: number; cookie: string };
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
  /** As a browser does: a renewed session cookie (the proxy's idle clock) replaces the old one. */
  function keepCookie(person: Person, headers: Record<string, string | string[]>) {
    const setCookie = headers["set-cookie"];
    const renewed = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).find((cookie) => /session-token=[^;]/.test(cookie));
    if (renewed) person.cookie = renewed.split(";")[0]!;
  }
  const agencies = Array.from({ length: CONNECTIONS }, (_, i) => i + 1);
  console.log(`Signing in ${agencies.length} Admin OPD and ${agencies.length} Koordinator accounts...`);
  const owners: Person[] = [];
  const koordinators: Person[] = [];
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
  // Saves cut off when a run ended are still being written: once the versions in the
  // database stop moving, go on from them.
  async function syncVersions() {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const rows = async () =>
      (await client.query<{ periodId: string; version: number }>(`SELECT "periodId", version FROM "Answer" WHERE stage = 'SELF' AND "indicatorId" = $1 AND "periodId" = ANY($2) ORDER BY "periodId"`, [indicatorOne, agencies.map((agency) => periodId(agency))])).rows;
    let last = await rows();
    for (let tries = 0; tries < 60; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const again = await rows();
      const settled = JSON.stringify(again) === JSON.stringify(last);
      last = again;
      if (settled) break;
    }
    await client.end();
    for (const row of last) versions.set(Number(/^bpr(\d+)-/.exec(row.periodId)![1]), row.version);
    idle.splice(0, idle.length, ...owners);
  }

  // ---------------------------------------------------------------- measuring
  type Measured = {
    name: string;
    requestsPerSecond: number;
    p50: number;
    p95: number;
    requests: number;
    errors: number;
    /** Portal CPU (all its processes) per request, ms. */
    cpu: number;
    /** CPU of the scratch database's PostgreSQL backends per request, ms. */
    database: number;
    load: number;
  };
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

  /** A 5-second warm-up (JIT, caches, pools), then the measured run with the CPU it cost. */
  async function measure(name: string, serverPid: number, request: autocannon.Options, beforeRun?: () => Promise<void>): Promise<Measured> {
    await beforeRun?.();
    await autocannon({ ...request, connections: CONNECTIONS, duration: 5, timeout: 60 });
    await beforeRun?.();
    // The 1-minute load average as the run starts: on a shared machine, other work shows here.
    const load = os.loadavg()[0]!;
    const tree = processTree(serverPid);
    const cpuBefore = tree.map((pid) => processCpuMs(pid) ?? 0);
    const databaseBefore = await databaseCpu();
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ ...request, connections: CONNECTIONS, duration: DURATION, timeout: 60 }, (error, done) => (error ? reject(error) : resolve(done)));
      instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    const cpuSpent = tree.reduce((sum, pid, i) => sum + ((processCpuMs(pid) ?? cpuBefore[i]!) - cpuBefore[i]!), 0);
    let databaseSpent = 0;
    // A backend that started during the run spent all its CPU in it.
    for (const [pid, cpu] of await databaseCpu()) databaseSpent += cpu - (databaseBefore.get(pid) ?? 0);
    latencies.sort((a, b) => a - b);
    const requests = result.requests.total;
    const measured: Measured = {
      name,
      requestsPerSecond: requests / DURATION,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      requests,
      errors: result.errors + result.timeouts + result.non2xx,
      cpu: cpuSpent / Math.max(1, requests),
      database: databaseSpent / Math.max(1, requests),
      load,
    };
    console.log(
      `${name}: ${measured.requestsPerSecond.toFixed(0)} req/s, p50 ${measured.p50.toFixed(1)} ms, p95 ${measured.p95.toFixed(1)} ms, ` +
        `CPU ${measured.cpu.toFixed(2)} ms/req, PostgreSQL ${measured.database.toFixed(2)} ms/req, ${measured.errors} errors of ${requests}`,
    );
    return measured;
  }

  let next = 0;
  const take = <T>(pool: T[]) => pool[next++ % pool.length]!;
  /** GET `path(person)` as the people of `pool` in turn, keeping their cookies as a browser does. */
  const signedInGet = (pool: Person[], pathFor: (person: Person) => string): autocannon.Options => ({
    url: base,
    requests: [
      {
        method: "GET",
        setupRequest: (request, context) => {
          const person = take(pool);
          (context as { person: Person }).person = person;
          return { ...request, path: pathFor(person), headers: { ...request.headers, cookie: person.cookie } };
        },
        onResponse: (_status, _body, context, headers) => keepCookie((context as { person: Person }).person, headers as Record<string, string | string[]>),
      },
    ],
  });
  const saveRequest: autocannon.Options = {
    url: base,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          // Each request saves an answer nobody else is saving at that moment, at its last known version.
          const owner = idle.pop() ?? take(owners);
          (context as { person: Person }).person = owner;
          return {
            ...request,
            path: `/periode/${periodId(owner.agency)}/indikator/1`,
            headers: { ...request.headers, cookie: owner.cookie, "next-action": saveActionId, accept: "text/x-component", origin: base, "content-type": `multipart/form-data; boundary=${boundary}` },
            body: saveBody(owner.agency, versions.get(owner.agency)!, saveRound++),
          };
        },
        onResponse: (_status, body, context, headers) => {
          const owner = (context as { person: Person }).person;
          keepCookie(owner, headers as Record<string, string | string[]>);
          const version = /"version":"(\d+)"/.exec(body)?.[1];
          if (body.includes('"status":"ok"')) saveOutcomes.ok++;
          else if (body.includes('"code":"conflict"')) saveOutcomes.conflict++;
          else if (saveOutcomes.other++ === 0) console.log(`unexpected save response: ${_status} ${body.slice(0, 300)}`);
          if (version) versions.set(owner.agency, Number(version));
          idle.push(owner);
        },
      },
    ],
  };

  const ENDPOINTS = {
    pingDirect: "trivial route /api/ping (no proxy)",
    pingProxy: "trivial route /api/ping?proxy=1 (proxy, anonymous)",
    pingProxySignedIn: "trivial route /api/ping?proxy=1 (proxy, signed in)",
    page: "trivial dynamic page /masuk (anonymous)",
    signedInPage: "signed-in trivial page /akun/kata-sandi (Admin OPD)",
    score: "score API (POST /api/v1/frameworks/spbe-2020/score, 47 values)",
    form: "indicator form page (Admin OPD, own indicator)",
    dashboard: "dashboard page (Koordinator)",
    save: "answer save (server action, a real write)",
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;

  async function measureRound(pid: number): Promise<Record<Endpoint, Measured>> {
    const round = {} as Record<Endpoint, Measured>;
    round.pingDirect = await measure(ENDPOINTS.pingDirect, pid, { url: `${base}/api/ping` });
    round.pingProxy = await measure(ENDPOINTS.pingProxy, pid, { url: `${base}/api/ping?proxy=1` });
    round.pingProxySignedIn = await measure(ENDPOINTS.pingProxySignedIn, pid, signedInGet(owners, () => "/api/ping?proxy=1"));
    round.page = await measure(ENDPOINTS.page, pid, { url: `${base}/masuk` });
    round.signedInPage = await measure(ENDPOINTS.signedInPage, pid, signedInGet(owners, () => "/akun/kata-sandi"));
    round.score = await measure(ENDPOINTS.score, pid, { url: `${base}/api/v1/frameworks/spbe-2020/score`, method: "POST", headers: { "content-type": "application/json" }, body: scoreBody });
    round.form = await measure(ENDPOINTS.form, pid, signedInGet(owners, (owner) => `/periode/${periodId(owner.agency)}/indikator/1`));
    round.dashboard = await measure(ENDPOINTS.dashboard, pid, signedInGet(koordinators, () => "/dasbor"));
    round.save = await measure(ENDPOINTS.save, pid, saveRequest, async () => {
      await syncVersions();
      Object.assign(saveOutcomes, { ok: 0, conflict: 0, other: 0 });
    });
    console.log("save outcomes:", saveOutcomes);
    // A refused save still answers 200 (the form shows the refusal): count it as an error here.
    round.save.errors += saveOutcomes.conflict + saveOutcomes.other;
    return round;
  }

  const ceiling = await measure("ceiling (bare Node HTTP, same JSON)", ceilingServer.pid!, { url: `http://127.0.0.1:${ceilingPort}/`, method: "POST", headers: { "content-type": "application/json" }, body: scoreBody });
  await stopChild(ceilingServer);
  const rounds: { processes: number; results: Record<Endpoint, Measured> }[] = [];
  for (const processes of PROCESSES > 1 ? [1, PROCESSES] : [1]) {
    if (rounds.length > 0) portal = await startPortal(processes);
    console.log(`\n--- ${processes} portal process${processes > 1 ? "es" : ""} (WEB_CONCURRENCY=${processes}) ---`);
    rounds.push({ processes, results: await measureRound(portal.pid!) });
    await stopChild(portal);
  }

  // ---------------------------------------------------------------- report
  const n = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  console.log(`\nCeiling (bare Node HTTP, the score API's JSON): ${n(ceiling.requestsPerSecond)} req/s, CPU ${n(ceiling.cpu, 3)} ms/req`);
  for (const { processes, results } of rounds) {
    const floor = results.pingDirect;
    console.log(`\n${processes} process${processes > 1 ? "es" : ""}, ${CONNECTIONS} connections:\n`);
    console.log("| endpoint | req/s | vs trivial route | p50 ms | p95 ms | CPU ms/req | vs signed-in trivial page | PostgreSQL ms/req | errors / requests | load before |");
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const row of Object.values(results)) {
      console.log(
        `| ${row.name} | ${n(row.requestsPerSecond)} | ${n(row.requestsPerSecond / floor.requestsPerSecond, 2)} | ${n(row.p50, 1)} | ${n(row.p95, 1)} | ${n(row.cpu, 2)} | ` +
          `${n(row.cpu / results.signedInPage.cpu, 2)} | ${n(row.database, 2)} | ${row.errors} / ${n(row.requests)} | ${n(row.load, 1)} |`,
      );
    }
  }
  const goals: { goal: string; value: (results: Record<Endpoint, Measured>) => number; target: number; atMost: boolean; unit: string }[] = [
    { goal: "score API throughput / trivial route throughput (both without the proxy)", value: (r) => r.score.requestsPerSecond / r.pingDirect.requestsPerSecond, target: 0.5, atMost: false, unit: "" },
    { goal: "indicator form CPU / signed-in trivial page CPU", value: (r) => r.form.cpu / r.signedInPage.cpu, target: 2, atMost: true, unit: "x" },
    { goal: "dashboard CPU / signed-in trivial page CPU", value: (r) => r.dashboard.cpu / r.signedInPage.cpu, target: 2, atMost: true, unit: "x" },
    { goal: "indicator form PostgreSQL CPU per page", value: (r) => r.form.database, target: 3, atMost: true, unit: " ms" },
    { goal: "dashboard PostgreSQL CPU per page", value: (r) => r.dashboard.database, target: 3, atMost: true, unit: " ms" },
    { goal: "proxy CPU per request, anonymous (ping through it - ping without)", value: (r) => r.pingProxy.cpu - r.pingDirect.cpu, target: 0.3, atMost: true, unit: " ms" },
    { goal: "proxy CPU per request, signed in (ping through it - ping without)", value: (r) => r.pingProxySignedIn.cpu - r.pingDirect.cpu, target: 0.3, atMost: true, unit: " ms" },
    { goal: "answer save portal CPU", value: (r) => r.save.cpu, target: 10, atMost: true, unit: " ms" },
  ];
  console.log(`\n| goal | target | ${rounds.map(({ processes }) => `${processes} process${processes > 1 ? "es" : ""}`).join(" | ")} |`);
  console.log(`|---|---|${rounds.map(() => "---|").join("")}`);
  for (const { goal, value, target, atMost, unit } of goals) {
    const cells = rounds.map(({ results }) => {
      const measured = value(results);
      const holds = atMost ? measured <= target : measured >= target;
      return `${n(measured, 2)}${unit} ${holds ? "holds" : `falls short (${atMost ? `${n(measured / target, 1)}x the limit` : `${n((measured / target) * 100)}% of the target`})`}`;
    });
    console.log(`| ${goal} | ${atMost ? "<=" : ">="} ${target}${unit} | ${cells.join(" | ")} |`);
  }
  if (rounds.length > 1) {
    const [one, many] = rounds as [(typeof rounds)[0], (typeof rounds)[0]];
    console.log(`\nScale-out, ${many.processes} processes against 1 (throughput):`);
    for (const key of Object.keys(ENDPOINTS) as Endpoint[]) console.log(`- ${ENDPOINTS[key]}: ${n(one.results[key].requestsPerSecond)} -> ${n(many.results[key].requestsPerSecond)} req/s (x${n(many.results[key].requestsPerSecond / one.results[key].requestsPerSecond, 2)})`);
  }
  console.log(
    `\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}; ` +
      `${AGENCY_COUNT} agencies, ${CONNECTIONS} connections, ${DURATION} s per endpoint after a 5 s warm-up; load average now ${os.loadavg().map((value) => value.toFixed(1)).join(" ")}`,
  );
} finally {
  await cleanUp();
}
process.exit(0);
