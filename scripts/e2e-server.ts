// The portal as end-to-end tests see it: the production build served by scripts/start.ts
// on a fresh database with demo data, either a scratch database on the PostgreSQL server in
// DATABASE_URL or a new embedded one in a temporary DATA_DIR. Next to it runs a real OpenID
// Connect provider on the following port, configured as the portal's single sign-on.
//
// The database URL is written to a state file (tests/e2e/fixtures/server-state.ts) so the
// test workers can build each spec's own agency in the same database. For that the embedded
// database is served from this process (not from scripts/start.ts, which then sees it as
// DATABASE_URL): its loopback port is known here and reachable by every worker.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedServer } from "../lib/db/embedded-server";
import { removeE2eState, writeE2eState } from "../tests/e2e/fixtures/server-state";
import { createScratchDatabase } from "../tests/support/scratch-database";
import { startOidcProvider } from "../tests/support/oidc-provider";

const port = process.env.E2E_PORT ?? "3100";
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}`, DEMO_DATA: "true", LOG_LEVEL: "warn" };
let cleanup = async () => {};

const oidcClient = { clientId: "spbe-mandiri-e2e", clientSecret: "rahasia-klien-oidc-e2e" };
const oidc = await startOidcProvider({ port: Number(port) + 1, ...oidcClient, redirectUri: `${env.PUBLIC_URL}/api/auth/callback/oidc` });
Object.assign(env, { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: oidcClient.clientId, OIDC_CLIENT_SECRET: oidcClient.clientSecret, OIDC_DISPLAY_NAME: "SSO Pemda" });

if (process.env.DATABASE_URL) {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, "spbe_e2e");
  env.DATABASE_URL = scratch.url;
  // Uploaded evidence goes to a temporary DATA_DIR too, never into ./data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-e2e-"));
  env.DATA_DIR = dataDir;
  cleanup = async () => {
    await scratch.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
} else {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-e2e-"));
  env.DATA_DIR = dataDir;
  const embedded = await startEmbeddedServer({ dataDir: path.join(dataDir, "pgdata") });
  env.DATABASE_URL = embedded.url;
  cleanup = async () => {
    await embedded.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
writeE2eState(port, { databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const cleanupDatabase = cleanup;
cleanup = async () => {
  removeE2eState(port);
  await cleanupDatabase();
};

const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], { stdio: "inherit", env });
const stop = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", async (code) => {
  await cleanup().catch(() => {});
  await oidc.close().catch(() => {});
  process.exit(code ?? 0);
});
