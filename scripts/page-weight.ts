// Page weight and Lighthouse, measured on a running portal with demo data (e.g. `npm start`
// on a fresh DATA_DIR, or scripts/e2e-server.ts). Prints a Markdown section for
// docs/benchmarks.md:
//   PORTAL_URL=http://127.0.0.1:3100 npx tsx scripts/page-weight.ts
// First-load JavaScript is what Chromium downloads for a cold visit, measured gzip-compressed
// as it travels (the portal serves compressed responses). Lighthouse runs the mobile
// preset (simulated slow 4G, mid-range phone CPU) on Debian's Chromium.
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const base = process.env.PORTAL_URL ?? "http://127.0.0.1:3100";
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const password = "SpbeDemo#2026";

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/masuk`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/masuk"));
}

async function firstLoadJs(page: Page, path: string) {
  const sizes: number[] = [];
  const collect = async (response: import("playwright-core").Response) => {
    if (!response.url().includes("/_next/static/") || !response.url().endsWith(".js")) return;
    sizes.push(gzipSync(await response.body()).length);
  };
  page.on("response", collect);
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  page.off("response", collect);
  return { files: sizes.length, gzipKb: sizes.reduce((sum, size) => sum + size, 0) / 1024 };
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
const anonymous = await browser.newContext();
const owner = await browser.newContext();
const pimpinan = await browser.newContext();
const ownerPage = await owner.newPage();
await signIn(ownerPage, "opd.diskominfo@sukamaju.spbe.demo");
await ownerPage.goto(`${base}/periode`);
const periodHref = await ownerPage.locator('[data-testid="periode-2025"] a').first().getAttribute("href");
const pimpinanPage = await pimpinan.newPage();
await signIn(pimpinanPage, "pimpinan@sukamaju.spbe.demo");

const routes: { label: string; context: typeof owner; path: string }[] = [
  { label: "Beranda (/)", context: anonymous, path: "/" },
  { label: "Kalkulator", context: anonymous, path: "/kalkulator" },
  { label: "Masuk", context: anonymous, path: "/masuk" },
  { label: "Dasbor (Pimpinan)", context: pimpinan, path: "/dasbor" },
  { label: "Daftar indikator (Admin OPD)", context: owner, path: `${periodHref}/indikator` },
  { label: "Formulir indikator (Admin OPD)", context: owner, path: `${periodHref}/indikator/9` },
  { label: "Ringkasan periode", context: pimpinan, path: periodHref! },
];

const rows: string[] = [];
for (const route of routes) {
  // A fresh page in the signed-in context, with the HTTP cache off: a cold first visit.
  const page = await route.context.newPage();
  await page.route("**/*", (handle) => handle.continue());
  const { files, gzipKb } = await firstLoadJs(page, route.path);
  rows.push(`| ${route.label} | \`${route.path.replace(/c[a-z0-9]{20,}/, "[periodId]")}\` | ${files} | ${gzipKb.toFixed(1)} kB |`);
  await page.close();
}

// Lighthouse needs the session cookie of the signed-in person.
const cookieHeader = async (context: typeof owner) => (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
const lighthouseRows: string[] = [];
for (const [label, context, path] of [
  ["Dasbor (Pimpinan)", pimpinan, "/dasbor"],
  ["Formulir indikator (Admin OPD)", owner, `${periodHref}/indikator/9`],
] as const) {
  const result = await lighthouse(`${base}${path}`, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices"],
    extraHeaders: { Cookie: await cookieHeader(context) },
  });
  const categories = result!.lhr.categories;
  const metric = (id: string) => result!.lhr.audits[id]?.displayValue ?? "-";
  lighthouseRows.push(
    `| ${label} | ${Math.round(categories.performance!.score! * 100)} | ${Math.round(categories.accessibility!.score! * 100)} | ${Math.round(categories["best-practices"]!.score! * 100)} | ${metric("first-contentful-paint")} | ${metric("largest-contentful-paint")} | ${metric("total-blocking-time")} |`,
  );
}
await chrome.kill();
await browser.close();

console.log(`## Page weight (first-load JavaScript, gzip)

Measured ${new Date().toISOString().slice(0, 10)} with \`scripts/page-weight.ts\` against the production build.

| page | path | JS files | JS (gzip) |
|---|---|---|---|
${rows.join("\n")}

## Lighthouse (mobile preset: simulated slow 4G, 4x CPU slowdown)

| page | performance | accessibility | best practices | FCP | LCP | TBT |
|---|---|---|---|---|---|---|
${lighthouseRows.join("\n")}
`);
