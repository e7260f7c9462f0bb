// The portal's HTTP server: Next.js behind a Node server that still sees the socket. Each
// request gets the client address this deployment trusts (lib/http/client-address.ts)
// before Next.js or any route reads a header; `npm start` and `npm run dev` run this.
//
// In production it runs WEB_CONCURRENCY processes (default: one per core) behind the one
// PORT with node:cluster: the primary accepts connections and hands them to the workers in
// turn. Each worker has its own database pool; they share PostgreSQL (or the embedded
// database that scripts/start.ts serves on loopback), the storage and DATA_DIR/uploads, so
// any process can serve any request, a resumed upload included.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import next from "next";
import { env } from "@/lib/env";
import { applyClientAddress, parseTrustedProxies } from "@/lib/auth/client-address";
import { db } from "@/lib/db";
import { startNotificationWorker } from "@/lib/notifications/worker";

const isDev = process.argv.includes("--dev");
// Development compiles on demand and watches files: one process.
const processes = isDev ? 1 : (env.WEB_CONCURRENCY ?? Math.max(1, os.availableParallelism()));

if (processes > 1 && cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < processes; i++) cluster.fork();
  // One notification loop per portal, in the primary (workers only serve requests).
  startNotificationWorker(db);
  console.log(`Portal: ${processes} processes on port ${env.PORT} (WEB_CONCURRENCY)`);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed worker is replaced; the others kept serving meanwhile.
    console.error(`Portal process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  }
} else {
  if (cluster.isPrimary) startNotificationWorker(db);
  await serve();
}

async function serve(): Promise<void> {
  const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
  const app = next({ dev: isDev, dir: process.cwd(), port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = app.getUpgradeHandler();

  const server = http.createServer((request, response) => {
    applyClientAddress(request.headers, request.socket.remoteAddress, trustedProxies);
    void handle(request, response);
  });
  server.on("upgrade", (request, socket, head) => {
    applyClientAddress(request.headers, request.socket.remoteAddress, trustedProxies);
    void upgrade(request, socket, head);
  });
  // In a worker, listen() shares the primary's socket.
  server.listen(env.PORT, () => {
    if (cluster.isPrimary) console.log(`Portal listening on port ${env.PORT}${isDev ? " (development)" : ""}`);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
    });
  }
}
