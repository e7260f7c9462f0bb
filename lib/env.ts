// The environment, parsed once. Nothing else in app/, lib/ or components/ reads process.env
// (lint refuses it). Outside them: scripts/ and tests/ set up their own processes,
// next.config.ts is build configuration, and instrumentation.ts reads NEXT_RUNTIME, which
// Next.js replaces at build time and which must stay a literal process.env read.
import path from "node:path";
import { z } from "zod";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset: the portal runs on the embedded PostgreSQL (PGlite) under DATA_DIR.
  DATABASE_URL: z.string().url().optional(),
  // PostgreSQL only: the role that owns the schema and applies migrations; DATABASE_URL's
  // role then gets only what the portal needs (lib/db/roles.ts). Unset: one role for both.
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Portal processes behind PORT (node:cluster); unset: one per core. Each has its own pool.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  // "auto": load demo data only into a new embedded database.
  DEMO_DATA: z.enum(["auto", "true", "false"]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Any value: the WebAssembly schema engine's own log goes to stderr (migration trouble).
  DEBUG_SCHEMA_ENGINE: z.string().optional(),
  // Signs the session tokens. scripts/start.ts creates one under DATA_DIR when unset;
  // several instances behind a load balancer must share one.
  AUTH_SECRET: z.string().min(32).optional(),
  // The address people use to reach the portal (sign-in redirects, secure cookies).
  PUBLIC_URL: z.string().url().optional(),
  // Reverse proxies whose X-Forwarded-* headers are believed: a hop count or addresses and
  // CIDR ranges (lib/auth/client-address.ts). Unset: the socket's peer is the client.
  TRUSTED_PROXIES: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  // Single sign-on through an OpenID Connect provider (a pemda's Keycloak, for example):
  // offered only when the issuer, client id and client secret are all set.
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).default("SSO Pemda"),
  // Evidence files: on local disk under DATA_DIR (default) or in S3-compatible object
  // storage, which several instances behind a load balancer can share.
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Most S3-compatible servers (MinIO, Ceph, s3rver) want bucket names in the path.
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 ** 3).default(25 * 1024 * 1024),
  // Unfinished resumable uploads one person may hold at once, and the bytes they announce:
  // staged bytes take disk space until they finish or expire.
  UPLOAD_OPEN_PER_PERSON: z.coerce.number().int().min(1).max(10_000).default(20),
  UPLOAD_OPEN_BYTES_PER_PERSON: z.coerce.number().int().min(1024).max(1024 ** 4).default(512 * 1024 * 1024),
  // Stored files nobody references any more are removed this long after the last reference went.
  EVIDENCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // E-mail notifications (lib/notifications): sent through this SMTP server
  // (smtp://user:pass@host:587, smtps://… for TLS from the start). Unset: no e-mail is queued.
  SMTP_URL: z.string().url().optional(),
  // The sender of every notification mail.
  MAIL_FROM: z.string().min(3).default("SPBE Mandiri <no-reply@localhost>"),
  // "false" turns e-mail off with SMTP_URL still set (a test copy of production, for example).
  MAIL_ENABLED: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
});

const OIDC_REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
const S3_SETTINGS = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export type Env = z.infer<typeof ZEnv>;

function parseEnv(): Env {
  const result = ZEnv.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    DATABASE_MIGRATION_URL: process.env.DATABASE_MIGRATION_URL || undefined,
    ...Object.fromEntries([...OIDC_REQUIRED, ...S3_SETTINGS, "SMTP_URL"].map((name) => [name, process.env[name] || undefined])),
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  // Half a single sign-on setup would silently show no SSO button: refuse to start instead.
  const missing = OIDC_REQUIRED.filter((name) => !result.data[name]);
  if (missing.length > 0 && missing.length < OIDC_REQUIRED.length) {
    throw new Error(`Invalid environment: single sign-on needs ${OIDC_REQUIRED.join(", ")} all set; missing ${missing.join(", ")}`);
  }
  if (result.data.DATABASE_MIGRATION_URL && !result.data.DATABASE_URL) {
    throw new Error("Invalid environment: DATABASE_MIGRATION_URL needs DATABASE_URL (the embedded database has one role)");
  }
  if (result.data.STORAGE_DRIVER === "s3" && !result.data.S3_BUCKET) {
    throw new Error("Invalid environment: STORAGE_DRIVER=s3 needs S3_BUCKET");
  }
  return { ...result.data, DATA_DIR: path.resolve(result.data.DATA_DIR) };
}

export const env = parseEnv();
