/**
 * Index engine benchmark: scores 10,000 random complete spbe-2020 assessments.
 *
 *   npx tsx scripts/bench-scoring.ts      (or: npm run bench:scoring)
 *
 * Values are generated before timing (seeded, so runs are comparable) and a short warm-up
 * lets the JIT settle; the figure is the engine alone, validation of the values included.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { getFramework, listIndicators } from "@/lib/framework/catalog";
import { scoreAssessment, type ScoreValues } from "@/lib/scoring";

const ASSESSMENTS = 10_000;
const WARM_UP = 500;

const framework = getFramework("spbe-2020");
if (!framework) throw new Error("spbe-2020 tidak ditemukan");
const numbers = listIndicators(framework).map(({ indicator }) => indicator.number);

// mulberry32: deterministic, so every run scores the same assessments.
let state = 20_240_615;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const assessments: ScoreValues[] = Array.from({ length: ASSESSMENTS }, () =>
  Object.fromEntries(numbers.map((number) => [String(number), 1 + Math.floor(random() * 5)])),
);

for (const values of assessments.slice(0, WARM_UP)) scoreAssessment(framework, values);

let checksum = 0;
const started = performance.now();
for (const values of assessments) checksum += scoreAssessment(framework, values).index;
const elapsedMs = performance.now() - started;

console.log(`assessments:        ${ASSESSMENTS} (spbe-2020, ${numbers.length} indicators each, complete)`);
console.log(`total:              ${elapsedMs.toFixed(1)} ms`);
console.log(`per assessment:     ${((elapsedMs * 1000) / ASSESSMENTS).toFixed(1)} µs`);
console.log(`mean index:         ${(checksum / ASSESSMENTS).toFixed(4)} (sanity check, ~3 expected)`);
console.log(`node:               ${process.version}`);
console.log(`cpu:                ${os.cpus()[0]?.model ?? "unknown"} x ${os.cpus().length}`);
