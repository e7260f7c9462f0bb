// `npm test`: every test, in order of cost. Lint (with the boundary rules), type check,
// unit, integration (a fresh database on the PostgreSQL server in DATABASE_URL, or the
// embedded engine when it is unset), production build, then end-to-end in Chromium. Exits non-zero on any failure
// and ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
fs.mkdirSync("test-results", { recursive: true });

type Step = { name: string; command: string; args: string[]; report?: string };
const steps: Step[] = [
  { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "unit", command: bin("vitest"), args: ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], report: "test-results/unit.json" },
  { name: "integration", command: bin("vitest"), args: ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], report: "test-results/integration.json" },
  { name: "build", command: bin("next"), args: ["build"] },
  { name: "e2e", command: bin("playwright"), args: ["test"], report: "test-results/e2e.json" },
];

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function countVitest(report: { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number }): Counts {
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

function countPlaywright(report: { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } }): Counts {
  const stats = report.stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}

const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  if (step.report) fs.rmSync(step.report, { force: true });
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`=== ${step.name}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (step.report && fs.existsSync(step.report)) {
    const report = JSON.parse(fs.readFileSync(step.report, "utf8"));
    const counts = step.name === "e2e" ? countPlaywright(report) : countVitest(report);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  if (result.status !== 0) {
    failedSteps.push(step.name);
    // A broken build leaves nothing for the browser tests to open.
    if (step.name === "typecheck" || step.name === "build") break;
  }
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
if (failedSteps.length && total.failed === 0) total.failed = failedSteps.length;
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(failedSteps.length ? 1 : 0);
