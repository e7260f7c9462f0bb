// Every route handler goes through the one request pipeline: apiRoute (public) or its
// extension sessionRoute (sign-in, temporary password, policy action, actor injected), so
// the error shape, the 503 on an outage and the answer to an anonymous caller are the same
// everywhere. Only lib/http builds HTTP responses.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// next-auth's own handler is the sign-in itself; its throttle answer uses the one error shape.
const OUTSIDE_PIPELINE = new Set([path.join("app", "api", "auth", "[...nextauth]", "route.ts")]);
const METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";

function files(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : files(full, match);
    return match(entry.name) ? [full] : [];
  });
}

describe("route handlers", () => {
  const routes = files("app", (name) => name === "route.ts").filter((file) => !OUTSIDE_PIPELINE.has(file));

  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it("export only handlers built by apiRoute or sessionRoute", () => {
    for (const file of routes) {
      const source = fs.readFileSync(file, "utf8");
      const piped = new Set([...source.matchAll(/^const (\w+) = (?:apiRoute|sessionRoute)\b/gm)].map((match) => match[1]));
      const exported = [...source.matchAll(new RegExp(`^export (?:async )?(?:function|const) (${METHODS})\\b(.*)$`, "gm"))];
      expect(exported.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const [, method, rest] of exported) {
        const wrapped = /^ = (?:apiRoute|sessionRoute)\b/.test(rest!) || piped.has(/^ = (\w+);/.exec(rest!)?.[1]);
        expect(wrapped, `${file}: ${method} bypasses the request pipeline`).toBe(true);
      }
      expect(source, `${file} reads the session itself`).not.toMatch(/\bgetActor\b|mustChangePassword/);
      expect(/export\s+\{[^}]*\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\b/.test(source), `${file} re-exports a handler`).toBe(false);
    }
  });

  it("leave HTTP responses to lib/http: domain modules in lib/ build none", () => {
    const domain = files("lib", (name) => /\.tsx?$/.test(name)).filter((file) => !file.startsWith(path.join("lib", "http")) && file !== path.join("lib", "errors.ts"));
    const building = domain.filter((file) => /\bnew Response\(|\bResponse\.(?:json|redirect)\(/.test(fs.readFileSync(file, "utf8")));
    expect(building).toEqual([]);
  });
});
