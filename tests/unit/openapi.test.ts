// The OpenAPI document describes exactly the API routes that exist in app/api.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/validation/openapi";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function toOpenApiPath(file: string): string {
  const route = path.relative("app", path.dirname(file)).split(path.sep).join("/");
  return `/${route}`.replace(/\[(\w+)\]/g, "{$1}");
}

function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(/export (?:const|async function) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!.toLowerCase());
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();
  const publicRoutes = routeFiles("app/api").filter((file) => {
    const route = toOpenApiPath(file);
    return route === "/api/health" || route.startsWith("/api/v1/");
  });

  it("is OpenAPI 3.1", () => {
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents every public route and method, and nothing that does not exist", () => {
    const actual = Object.fromEntries(publicRoutes.map((file) => [toOpenApiPath(file), exportedMethods(file).sort()]));
    const documented = Object.fromEntries(Object.entries(document.paths).map(([route, item]) => [route, Object.keys(item).sort()]));
    expect(documented).toEqual(actual);
  });

  it("resolves every schema reference", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);
    for (const ref of refs) expect(document.components.schemas).toHaveProperty(ref);
  });

  it("generates the score request schema from the zod schema the handler parses with", () => {
    const request = document.components.schemas.ScoreRequest as { properties: Record<string, { enum?: string[] }>; required?: string[] };
    expect(request.properties.predicateBasis?.enum).toEqual(["exact", "rounded"]);
    expect(request.required).toContain("values");
  });
});
