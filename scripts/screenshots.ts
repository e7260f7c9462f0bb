// Screenshots of the main pages for the README, taken from a running portal with the demo
// data (e.g. `npm start` on a new embedded database):
//
//   npx tsx scripts/screenshots.ts [http://127.0.0.1:3000]
//
// Saves 1280-px-wide PNGs to docs/screenshots/. Uses Debian's Chromium (CHROMIUM_PATH).
// Only reads: it signs in as the demo accounts and opens pages, so it can run against the
// same portal as often as needed.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";

const baseUrl = (process.argv[2] ?? process.env.PORTAL_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const outDir = path.resolve("docs/screenshots");
const PASSWORD = "SpbeDemo#2026";
const WIDTH = 1280;

type Shot = { file: string; email: string; height: number; path: (periodId: string, page: Page) => string | Promise<string>; ready: (page: Page) => Promise<unknown> };

const testId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor();
const chart = (id: string) => (page: Page) => page.getByTestId(id).locator("svg.recharts-surface").first().waitFor();

const SHOTS: Shot[] = [
  { file: "dasbor-pimpinan.png", email: "pimpinan@sukamaju.spbe.demo", height: 1500, path: () => "/dasbor", ready: chart("tren-indeks") },
  { file: "dasbor-admin-opd.png", email: "opd.diskominfo@sukamaju.spbe.demo", height: 1100, path: () => "/dasbor", ready: testId("indikator-saya") },
  { file: "dasbor-asesor.png", email: "asesor@sukamaju.spbe.demo", height: 900, path: () => "/dasbor", ready: testId("antrean-verifikasi") },
  { file: "dasbor-superadmin.png", email: "superadmin@spbe.demo", height: 900, path: () => "/dasbor", ready: chart("sebaran-indeks") },
  { file: "formulir-indikator.png", email: "opd.diskominfo@sukamaju.spbe.demo", height: 1100, path: ownVerifiedIndicator, ready: testId("status-jawaban") },
  { file: "ringkasan-periode.png", email: "koordinator@sukamaju.spbe.demo", height: 1100, path: (id) => `/periode/${id}`, ready: testId("kemajuan-unit") },
  { file: "matriks-penugasan.png", email: "koordinator@sukamaju.spbe.demo", height: 900, path: (id) => `/periode/${id}/penugasan`, ready: (page) => page.locator("table").first().waitFor() },
  { file: "tahap-eksternal.png", email: "koordinator@sukamaju.spbe.demo", height: 900, path: (id) => `/periode/${id}/eksternal`, ready: (page) => page.locator("table").first().waitFor() },
  { file: "admin-pengguna.png", email: "koordinator@sukamaju.spbe.demo", height: 900, path: () => "/admin/pengguna", ready: (page) => page.locator('[data-testid^="pengguna-"]').first().waitFor() },
  { file: "jejak-audit.png", email: "koordinator@sukamaju.spbe.demo", height: 900, path: () => "/admin/audit", ready: testId("audit-baris") },
];

/** An indicator of the signed-in Admin OPD, a verified one when there is one (it shows the most). */
async function ownVerifiedIndicator(_periodId: string, page: Page): Promise<string> {
  await page.goto("/dasbor");
  const rows = page.getByTestId("indikator-saya").locator("tbody tr");
  const verified = rows.filter({ hasText: "Terverifikasi" });
  const row = (await verified.count()) > 0 ? verified.first() : rows.first();
  return (await row.getByRole("link").getAttribute("href")) ?? "/dasbor";
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "id-ID", viewport: { width: WIDTH, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
  return page;
}

/** The demo agency's 2025 period, found the way a person finds it: in the period list. */
async function periodId(page: Page): Promise<string> {
  await page.goto("/periode");
  const href = await page.getByTestId("periode-2025").getByRole("link").first().getAttribute("href");
  const id = href?.split("/")[2];
  if (!id) throw new Error("Periode 2025 data demo tidak ditemukan: jalankan portal dengan data demo.");
  return id;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const pages = new Map<string, Page>();
    const coordinator = "koordinator@sukamaju.spbe.demo";
    pages.set(coordinator, await signedIn(browser, coordinator));
    const period = await periodId(pages.get(coordinator)!);
    for (const shot of SHOTS) {
      let page = pages.get(shot.email);
      if (!page) {
        page = await signedIn(browser, shot.email);
        pages.set(shot.email, page);
      }
      await page.setViewportSize({ width: WIDTH, height: shot.height });
      await page.goto(await shot.path(period, page));
      await shot.ready(page);
      const file = path.join(outDir, shot.file);
      await page.screenshot({ path: file, animations: "disabled" });
      console.log(`${shot.file}: ${Math.round(fs.statSync(file).size / 1024)} kB`);
    }
  } finally {
    await browser.close();
  }
}

await main();
