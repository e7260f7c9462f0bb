// Every response carries the security headers, pages carry a nonce-based CSP, and the
// portal's own pages run under it without a single violation.
import { expect, test } from "./fixtures";

const PAGES = ["/", "/masuk", "/kalkulator", "/tidak-ada-halaman-ini"];
const API = ["/api/health", "/api/ping", "/api/v1/frameworks", "/api/v1/openapi.json", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers"];

test("security headers on pages, API answers and missing pages", async ({ request }) => {
  for (const path of [...PAGES, ...API]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
    // Pages run scripts with this response's nonce; data answers may run nothing at all.
    expect(headers["content-security-policy"], path).toMatch(API.includes(path) ? /default-src 'none'.*sandbox/ : /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
  // The resumable upload endpoint answers tus, not JSON pages, and skips the proxy too.
  for (const method of ["POST", "OPTIONS", "HEAD"] as const) {
    const headers = (await request.fetch("/api/v1/uploads", { method, headers: { "Tus-Resumable": "1.0.0" } })).headers();
    expect(headers["content-security-policy"], `${method} /api/v1/uploads`).toMatch(/default-src 'none'.*sandbox/);
    expect(headers["x-content-type-options"], `${method} /api/v1/uploads`).toBe("nosniff");
    expect(headers["x-frame-options"], `${method} /api/v1/uploads`).toBe("DENY");
  }
  const first = (await request.get("/")).headers()["content-security-policy"];
  const second = (await request.get("/")).headers()["content-security-policy"];
  expect(first).not.toBe(second);
});

test("the interactive pages work under the policy with no violation", async ({ page, agency }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/kalkulator");
  await page.getByRole("radio").first().check();
  await agency.signIn(page, "koordinator");
  await expect(page.getByTestId("peran-aktif")).toBeVisible();
  await page.goto("/admin/unit");
  await page.locator("summary", { hasText: "Tambah unit kerja" }).click();
  await page.locator("#unit-baru").getByRole("button", { name: "Tambah unit kerja" }).click();
  await expect(page.getByTestId("unit-baru-hasil")).toBeVisible();
  expect(violations).toEqual([]);
});
