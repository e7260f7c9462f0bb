import fs from "node:fs";
import { defineConfig, type Project } from "@playwright/test";

// The browser is Debian's Chromium (Playwright cannot download its own here).
const port = Number(process.env.E2E_PORT ?? 3100);
const testDir = "tests/e2e";

// Every spec builds its own agency (tests/e2e/fixtures), so specs run in any order and side
// by side. E2E_SHUFFLE=<seed> (or "random") runs the spec files in a seeded shuffled order:
// one project per file, in that order (Playwright itself orders files alphabetically).
// The seed is printed; the same seed gives the same order. E2E_WORKERS overrides the workers.
function shuffledProjects(): Project[] | undefined {
  const requested = process.env.E2E_SHUFFLE;
  if (!requested) return undefined;
  const seed = requested === "random" ? String(Math.floor(Math.random() * 2 ** 31)) : requested;
  // Workers load this file again: they must build the same projects.
  process.env.E2E_SHUFFLE = seed;
  if (process.env.TEST_WORKER_INDEX === undefined) console.log(`e2e spec order shuffled with E2E_SHUFFLE=${seed}`);
  const files = fs.readdirSync(testDir).filter((file) => file.endsWith(".spec.ts")).sort();
  // mulberry32 seeded from the seed text (FNV-1a), the same generator the demo seed uses.
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let index = files.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [files[index], files[other]] = [files[other]!, files[index]!];
  }
  return files.map((file) => ({ name: file.replace(/\.spec\.ts$/, ""), testMatch: file }));
}

export default defineConfig({
  testDir,
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  projects: shuffledProjects(),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "id-ID",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu", "--disable-dev-shm-usage"],
    },
  },
  webServer: {
    // scripts/e2e-server.ts prepares a fresh database with demo data and runs `npm start`;
    // it writes the database URL where the fixtures find it (tests/e2e/fixtures/server-state.ts).
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
