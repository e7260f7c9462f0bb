import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, API_PATH_SOURCES } from "./lib/http/content-security-policy";

const securityHeaders = [
  // Browsers keep to HTTPS for two years once they saw this over HTTPS (ignored over plain HTTP).
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build directory lets two builds of one checkout run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Server-only packages that must not be bundled (native addon, wasm, embedded db; pdfkit
  // reads its font metrics from its own folder at run time).
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg", "@tus/server", "@tus/file-store", "@aws-sdk/client-s3", "pdfkit", "exceljs", "archiver"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Pages get their nonce-based policy from proxy.ts; the JSON API skips the proxy.
      ...API_PATH_SOURCES.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] })),
    ];
  },
};

export default nextConfig;
