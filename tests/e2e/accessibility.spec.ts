// axe-core on every main page, as each role sees it: no serious or critical violation.
// (The policy's nonce would refuse the injected axe script, so these pages are opened
// with CSP bypassed; the policy itself is checked in security-headers.spec.ts.)
import { createRequire } from "node:module";
import { type Page } from "@playwright/test";
import { expect, periodIdOf, signIn, SUPERADMIN_EMAIL, test } from "./fixtures";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

test.use({ bypassCSP: true });
// Each test opens and audits up to ten pages: on a loaded machine that needs more than the default minute.
test.slow();

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

async function check(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), path).toEqual([]);
}

test("public pages", async ({ page }) => {
  for (const path of ["/", "/kalkulator", "/masuk", "/tidak-ada"]) await check(page, path);
});

test("the Koordinator's pages", async ({ page, agency }) => {
  await agency.signIn(page, "koordinator");
  const period = await periodIdOf(page, 2025);
  for (const path of [
    "/dasbor",
    "/periode",
    `/periode/${period}`,
    `/periode/${period}/indikator`,
    `/periode/${period}/penugasan`,
    `/periode/${period}/eksternal`,
    "/admin/unit",
    "/admin/pengguna",
    "/admin/audit",
    "/akun/kata-sandi",
  ]) {
    await check(page, path);
  }
});

test("the Admin OPD's indicator form and the Asesor's and Pimpinan's views", async ({ browser, agency }) => {
  const owner = await (await browser.newContext({ bypassCSP: true })).newPage();
  await agency.signIn(owner, "opd.diskominfo");
  const period = await periodIdOf(owner, 2025);
  for (const path of ["/dasbor", `/periode/${period}/indikator`, `/periode/${period}/indikator/9`, `/periode/${period}/indikator/1`]) await check(owner, path);

  const asesor = await (await browser.newContext({ bypassCSP: true })).newPage();
  await agency.signIn(asesor, "asesor");
  for (const path of ["/dasbor", `/periode/${period}/indikator/1`]) await check(asesor, path);

  const pimpinan = await (await browser.newContext({ bypassCSP: true })).newPage();
  await agency.signIn(pimpinan, "pimpinan");
  await check(pimpinan, "/dasbor");

  const superadmin = await (await browser.newContext({ bypassCSP: true })).newPage();
  await signIn(superadmin, SUPERADMIN_EMAIL);
  for (const path of ["/dasbor", "/admin/instansi"]) await check(superadmin, path);
});
