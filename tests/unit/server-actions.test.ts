// Every server action is a registered command behind the one wrapper (so the authorization
// matrix covers it), except those that only touch the caller's own session cookies.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "@/lib/commands";

const OWN_SESSION_ACTIONS = new Set(["signOut", "signOutEverywhere", "switchMembership", "setLocale"]);
// Run only by the resumable upload endpoint, after it checked and stored the bytes itself:
// a form must never register a file it did not upload. The Excel import likewise runs
// from its upload route, which reads the worksheet's rows before the command checks them.
const ROUTE_ONLY_COMMANDS = new Set(["createFileEvidence", "importAnswers"]);

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && /^\s*["']use server["']/.test(fs.readFileSync(full, "utf8")) ? [full] : [];
  });
}

describe("server actions", () => {
  const files = serverActionFiles(path.resolve("app"));
  const exported = files.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    return [...source.matchAll(/^export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*(.*))$/gm)].map((match) => ({
      file: path.relative(process.cwd(), file),
      name: match[1] ?? match[2]!,
      command: /^formAction\(COMMANDS\.(\w+)\b/.exec(match[3] ?? "")?.[1] ?? null,
    }));
  });

  it("finds the action files", () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it("wrap a registered command, or only touch the caller's own session", () => {
    for (const action of exported) {
      if (action.command) expect(Object.keys(COMMANDS), `${action.file}: ${action.name}`).toContain(action.command);
      else expect(OWN_SESSION_ACTIONS.has(action.name), `${action.file}: ${action.name} bypasses the command wrapper`).toBe(true);
    }
  });

  it("leave no registered command unreachable", () => {
    const used = new Set(exported.map((action) => action.command));
    expect(Object.keys(COMMANDS).filter((name) => !used.has(name) && !ROUTE_ONLY_COMMANDS.has(name))).toEqual([]);
  });
});
