// The public API through its real route handlers on the real database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureShippedFrameworks } from "@/lib/framework-versions/store";
import { ZErrorResponse, ZFrameworkDetail, ZFrameworkList, ZScoreResponse } from "@/lib/validation/frameworks";
import { GET as health } from "@/app/api/health/route";
import { GET as ping } from "@/app/api/ping/route";
import { GET as listFrameworks } from "@/app/api/v1/frameworks/route";
import { GET as getFramework } from "@/app/api/v1/frameworks/[code]/route";
import { POST as score } from "@/app/api/v1/frameworks/[code]/score/route";
import { getStorage, useStorage, type BlobStorage } from "@/lib/storage";
import { resetDatabase } from "./db-reset";

const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

function scoreRequest(code: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  return score(new Request(`http://test/api/v1/frameworks/${code}/score`, { method: "POST", headers, body }), params({ code }));
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = ZErrorResponse.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

// Indicator levels chosen by hand so that sum(level x weight) over spbe-2020 hits the
// boundary cases of spbe-domain.md: 179.75 (exact 1.7975) and 179.95 (exact 1.7995).
const range = (from: number, to: number, level: number) =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), level]));
const EXACT_1_7975 = { ...range(42, 47, 5), ...range(11, 20, 3), ...range(21, 28, 1), "32": 1 };
const EXACT_1_7995 = { ...range(42, 47, 5), ...range(11, 18, 3), ...range(19, 20, 2), ...range(21, 28, 1), ...range(1, 4, 1), "32": 1 };

beforeAll(async () => {
  await resetDatabase();
  await ensureShippedFrameworks(db);
});

describe("GET /api/ping", () => {
  it("answers that the process is alive, without asking the database or the storage", async () => {
    const working = getStorage();
    useStorage({ ...working, stat: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:9000")) } as BlobStorage);
    try {
      const response = await ping(new Request("http://test/api/ping"), params({}));
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok" });
    } finally {
      useStorage(working);
    }
  });
});

describe("GET /api/health", () => {
  it("reports the database and the storage as ok", async () => {
    const response = await health(new Request("http://test/api/health"), params({}));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", storage: "ok" });
  });

  it("answers 503 naming the storage when evidence storage does not answer", async () => {
    const working = getStorage();
    useStorage({ ...working, stat: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:9000")) } as BlobStorage);
    try {
      const response = await health(new Request("http://test/api/health"), params({}));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", db: "ok", storage: "unreachable", reason: "storage unreachable" });
    } finally {
      useStorage(working);
    }
  });
});

describe("GET /api/v1/frameworks", () => {
  it("lists both shipped frameworks with their status", async () => {
    const response = await listFrameworks(new Request("http://test/api/v1/frameworks"), params({}));
    const { frameworks } = ZFrameworkList.parse(await response.json());
    const byCode = Object.fromEntries(frameworks.map((framework) => [framework.code, framework]));
    expect(byCode["spbe-2020"]).toMatchObject({ status: "official", indicatorCount: 47, version: 1 });
    expect(byCode["pemdi-2026"]).toMatchObject({ status: "provisional", indicatorCount: 20 });
  });

  it("returns the full tree with weights and criteria", async () => {
    const response = await getFramework(new Request("http://test/api/v1/frameworks/spbe-2020"), params({ code: "spbe-2020" }));
    const detail = ZFrameworkDetail.parse(await response.json());
    expect(detail.nodes.map((node) => (node as { code: string }).code)).toEqual(["D1", "D2", "D3", "D4"]);
    const domainWeights = detail.nodes.map((node) => Number((node as { weight: string }).weight));
    expect(domainWeights).toEqual([13, 25, 16.5, 45.5]);
    const firstIndicator = (detail.nodes[0] as { children: { children: { criteria: Record<string, string> }[] }[] }).children[0]!.children[0]!;
    expect(Object.keys(firstIndicator.criteria)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("answers 404 in the error shape for an unknown framework", async () => {
    const response = await getFramework(new Request("http://test/api/v1/frameworks/nope"), params({ code: "nope" }));
    await expectError(response, 404, "not_found");
  });

  it("answers 404, not 500, for a path parameter with a NUL (PostgreSQL refuses it in text)", async () => {
    const response = await getFramework(new Request("http://test/api/v1/frameworks/spbe%002020"), params({ code: "spbe\u00002020" }));
    await expectError(response, 404, "not_found");
  });
});

describe("POST /api/v1/frameworks/{code}/score", () => {
  it("gives 3.00 Baik when every indicator is at level 3", async () => {
    const response = await scoreRequest("spbe-2020", JSON.stringify({ values: range(1, 47, 3) }));
    expect(response.status).toBe(200);
    const body = ZScoreResponse.parse(await response.json());
    expect(body).toMatchObject({ index: 3, indexExact: "3", predicate: "Baik", completeness: 1, answeredCount: 47 });
    expect(body.nodes.filter((node) => node.kind === "domain").map((node) => node.index)).toEqual([3, 3, 3, 3]);
  });

  it("applies the predicate to the exact index by default: 1.7975 prints 1.80 but is Kurang", async () => {
    const body = ZScoreResponse.parse(await (await scoreRequest("spbe-2020", JSON.stringify({ values: EXACT_1_7975 }))).json());
    expect(body.indexExact).toBe("1.7975");
    expect(body.index).toBe(1.8);
    expect(body.predicate).toBe("Kurang");
    expect(body.completeness).toBeLessThan(1);
  });

  it("applies it to the rounded index when asked: 1.7995 becomes 1.80 Cukup", async () => {
    const rounded = ZScoreResponse.parse(
      await (await scoreRequest("spbe-2020", JSON.stringify({ values: EXACT_1_7995, predicateBasis: "rounded" }))).json(),
    );
    expect(rounded.indexExact).toBe("1.7995");
    expect(rounded.predicate).toBe("Cukup");
    const exact = ZScoreResponse.parse(await (await scoreRequest("spbe-2020", JSON.stringify({ values: EXACT_1_7995 }))).json());
    expect(exact.predicate).toBe("Kurang");
  });

  it("accepts decimal values on pemdi-2026", async () => {
    const values = { ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [String(i + 1), 1])), "19": 2.975, "20": 5 };
    const body = ZScoreResponse.parse(await (await scoreRequest("pemdi-2026", JSON.stringify({ values }))).json());
    // sum(value x weight) = 100 (all ones) + 10 x 1.975 + 15 x 4 = 179.75
    expect(body.indexExact).toBe("1.7975");
  });

  it.each([
    ["an unknown indicator", { values: { "48": 3 } }, "unknown_indicator", "values.48"],
    ["a level above the scale", { values: { "1": 6 } }, "out_of_scale", "values.1"],
    ["a level below the scale", { values: { "1": 0 } }, "out_of_scale", "values.1"],
    ["a non-integer level on an integer scale", { values: { "1": 2.5 } }, "not_integer", "values.1"],
    ["a value that is not a number", { values: { "1": "tiga" } }, "invalid_type", "values.1"],
    ["a level sent as text (a public API refuses wrong types)", { values: { "1": "3" } }, "invalid_type", "values.1"],
  ])("refuses %s with 400 and a detail naming the field", async (_label, body, detailCode, field) => {
    const error = await expectError(await scoreRequest("spbe-2020", JSON.stringify(body)), 400, "validation_failed");
    expect(error.details).toContainEqual(expect.objectContaining({ code: detailCode, field }));
  });

  it("refuses malformed JSON, a wrong body shape, a wrong content type and an oversized body", async () => {
    await expectError(await scoreRequest("spbe-2020", "{values: "), 400, "invalid_json");
    await expectError(await scoreRequest("spbe-2020", JSON.stringify({ values: [3, 3] })), 400, "validation_failed");
    await expectError(await scoreRequest("spbe-2020", JSON.stringify({ values: {}, predicateBasis: "kira-kira" })), 400, "validation_failed");
    await expectError(await scoreRequest("spbe-2020", JSON.stringify({ values: {}, extra: 1 })), 400, "validation_failed");
    await expectError(await scoreRequest("spbe-2020", "[]"), 400, "validation_failed");
    await expectError(await scoreRequest("spbe-2020", "null"), 400, "validation_failed");
    await expectError(await scoreRequest("spbe-2020", JSON.stringify({ values: {} }), { "content-type": "text/plain" }), 415, "unsupported_media_type");
    const huge = JSON.stringify({ values: { "1": 3 }, padding: "x".repeat(400 * 1024) });
    await expectError(await scoreRequest("spbe-2020", huge), 413, "payload_too_large");
  });

  it("answers 404 for an unknown framework", async () => {
    await expectError(await scoreRequest("tidak-ada", JSON.stringify({ values: {} })), 404, "not_found");
  });
});
