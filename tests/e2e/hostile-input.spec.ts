// Hostile input through the real pages: markup typed into free-text fields stays text,
// SQL metacharacters in searches are just characters, and state-changing requests from
// another origin are refused. Every test works in an agency of its own (tests/e2e/fixtures).
import { type Page } from "@playwright/test";
import { expect, periodIdOf, test } from "./fixtures";

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'><svg onload=window.__xss=1>`;

async function assertInert(page: Page, path: string, { shownVerbatim = true } = {}) {
  await page.goto(path);
  if (shownVerbatim) await expect(page.getByText(PAYLOAD).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("img[src=x], svg[onload]").count()).toBe(0);
}

test("markup in explanations, comments and unit names is shown as text, never run", async ({ browser, agency }) => {
  const owner = await (await browser.newContext()).newPage();
  await agency.signIn(owner, "opd.diskominfo");
  const period = await periodIdOf(owner, 2025);
  await owner.goto(`/periode/${period}/indikator/16`);
  await owner.getByLabel("Penjelasan").fill(PAYLOAD);
  await expect(owner.getByTestId("status-simpan")).toContainText("Tersimpan");
  await owner.getByLabel("Komentar").fill(PAYLOAD);
  await owner.getByRole("button", { name: "Kirim komentar" }).click();
  await expect(owner.getByTestId("diskusi")).toBeVisible();

  const koordinator = await (await browser.newContext()).newPage();
  await agency.signIn(koordinator, "koordinator");
  await koordinator.goto("/admin/unit");
  await koordinator.locator("summary", { hasText: "Tambah unit kerja" }).click();
  const form = koordinator.locator("#unit-baru");
  await form.getByLabel("Kode").fill("unit-uji-xss");
  await form.getByLabel("Nama unit").fill(PAYLOAD);
  await form.getByRole("button", { name: "Tambah unit kerja" }).click();
  await expect(koordinator.getByTestId("unit-baru-hasil")).toContainText("ditambahkan");

  await assertInert(koordinator, `/periode/${period}/indikator/16`);
  await assertInert(koordinator, "/admin/unit");
  // The audit page shows before/after as JSON: escaped, so not verbatim, and still inert.
  await assertInert(koordinator, `/admin/audit?action=unit.create`, { shownVerbatim: false });
  const csv = await (await koordinator.request.get("/admin/audit/unduh?action=unit.create")).text();
  expect(csv).toContain("unit-uji-xss");
});

test("SQL metacharacters in searches and filters are plain text", async ({ page, agency }) => {
  await agency.signIn(page, "koordinator");
  for (const path of [
    `/admin/pengguna?q=${encodeURIComponent("' OR '1'='1' --")}`,
    `/admin/unit?q=${encodeURIComponent("%'; DROP TABLE \"Unit\"; --")}`,
    `/admin/audit?actor=${encodeURIComponent("\\' OR 1=1 /*")}&entity=${encodeURIComponent("User' --")}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByText("Tidak ada data yang cocok.").or(page.getByText(/0 data/)).first(), path).toBeVisible();
  }
  await page.goto("/admin/unit");
  await expect(page.getByTestId("unit-diskominfo")).toBeVisible();
});

test("a NUL or a bidi override in a search is cleaned, never a 500", async ({ browser, agency }) => {
  const koordinator = await (await browser.newContext()).newPage();
  await agency.signIn(koordinator, "koordinator");
  for (const path of ["/admin/pengguna?q=a%00b", "/admin/unit?q=diskominfo%00", "/admin/audit?actor=a%00b&action=%E2%80%AE", "/bukti?q=a%00b"]) {
    const response = await koordinator.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  // The cleaned query still finds: "diskominfo\0" searches "diskominfo".
  await koordinator.goto("/admin/unit?q=diskominfo%00");
  await expect(koordinator.getByTestId("unit-diskominfo")).toBeVisible();
  const owner = await (await browser.newContext()).newPage();
  await agency.signIn(owner, "opd.diskominfo");
  expect((await owner.goto("/bukti?q=perbup%00%E2%80%AE"))?.status()).toBe(200);
  // In a path an id with a NUL names nothing: 404, for pages, downloads and the API alike.
  for (const path of ["/periode/a%00b", "/periode/a%00b/indikator", "/periode/a%00b/laporan.pdf", "/bukti/a%00b/unduh", "/api/v1/frameworks/spbe%002020"]) {
    expect((await koordinator.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test("a state-changing request from another origin is refused and changes nothing", async ({ page, baseURL, agency }) => {
  await agency.signIn(page, "koordinator");
  await page.goto("/admin/unit");
  // Exactly what the form itself would post without JavaScript (its hidden action fields included).
  const fields = await page.locator("#unit-baru").evaluate((form) =>
    Object.fromEntries([...new FormData(form as HTMLFormElement).entries()].map(([key, value]) => [key, String(value)])),
  );
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const post = (origin: string, code: string, forwarded: Record<string, string> = {}) =>
    page.request.post(`${baseURL}/admin/unit`, {
      headers: { origin, cookie: cookies, ...forwarded },
      multipart: { ...fields, code, name: `Unit ${code}` },
      maxRedirects: 0,
    });
  const forged = await post("https://penyerang.example", "unit-palsu");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  await page.goto("/admin/unit?q=unit-palsu");
  await expect(page.getByTestId("unit-unit-palsu")).toHaveCount(0);
  // Forwarding headers that claim the attacker's host are not trusted without TRUSTED_PROXIES.
  const spoofed = await post("https://penyerang.example", "unit-palsu-diteruskan", { "x-forwarded-host": "penyerang.example", "x-forwarded-proto": "https" });
  expect(spoofed.status()).toBeGreaterThanOrEqual(400);
  await page.goto("/admin/unit?q=unit-palsu-diteruskan");
  await expect(page.getByTestId("unit-unit-palsu-diteruskan")).toHaveCount(0);

  // The very same request from the portal's own origin does go through: the origin decided.
  await post(new URL(baseURL!).origin, "unit-asli");
  await page.goto("/admin/unit?q=unit-asli");
  await expect(page.getByTestId("unit-unit-asli")).toBeVisible();
});
