// Answers and their level history are written only by the answer lifecycle module, so its
// transition table, version check and audit names hold for every writer, including the
// ones the coming frameworks and stages add.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIFECYCLE = path.join("lib", "assessment", "answer-lifecycle.ts");
const WRITE = /\b(answer|levelChange)\s*\.\s*(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\s*\(/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("answer writers", () => {
  const files = ["lib", "app", "components"].flatMap((dir) => sourceFiles(dir));

  it("finds the lifecycle module and its writes", () => {
    expect(files).toContain(LIFECYCLE);
    expect([...fs.readFileSync(LIFECYCLE, "utf8").matchAll(WRITE)].length).toBeGreaterThan(3);
  });

  it("no module but the lifecycle writes answers or level changes", () => {
    const writers = files
      .filter((file) => file !== LIFECYCLE)
      .flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(WRITE)].map((match) => `${file}: ${match[0]}`));
    expect(writers).toEqual([]);
  });
});
