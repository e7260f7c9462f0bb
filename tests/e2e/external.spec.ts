// External stages in the 2025 period of a copy of Kabupaten Sukamaju (phase Verifikasi): the
// Koordinator records the document stage for two indicators, one below the self level; it
// appears next to the self-assessment and on the sanggah list. The Pimpinan reads the same
// page without forms; an Admin OPD gets the not-found page.
import { type Page } from "@playwright/test";
import { fill } from "@/lib/i18n/format";
import { answers } from "@/lib/i18n/id/answers";
import { external } from "@/lib/i18n/id/external";
import { notFound } from "@/lib/i18n/id/notFound";
import { expect, test, type Agency } from "./fixtures";

test.describe.configure({ mode: "serial" });

const DOCUMENT = answers.stages.DOCUMENT!;
let agency: Agency;
let externalPath = "";
let lowered = 0;
let kept = 0;

async function openPeriod2025(page: Page) {
  await page.goto("/periode");
  const href = await page.getByTestId("periode-2025").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/periode\/[^/]+$/);
  externalPath = `${href}/eksternal`;
}

test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create({ label: "external" });
});

test("the Koordinator records the document stage; the lower result is marked and on the sanggah list", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await openPeriod2025(page);
  await page.goto(externalPath);
  await expect(page.getByRole("heading", { level: 1, name: external.title })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(external.back) })).toHaveAttribute("href", externalPath.replace(/\/eksternal$/, ""));

  // Two self-assessed indicators at level 2 or more: one gets a lower document result, one the same.
  const selfLevels: { number: number; level: number }[] = [];
  for (let number = 1; number <= 47 && selfLevels.length < 2; number += 1) {
    const text = (await page.getByTestId(`eksternal-${number}-SELF`).textContent())?.trim() ?? "";
    if (/^[2-5]$/.test(text)) selfLevels.push({ number, level: Number(text) });
  }
  expect(selfLevels).toHaveLength(2);
  const [low, same] = selfLevels as [{ number: number; level: number }, { number: number; level: number }];
  lowered = low.number;
  kept = same.number;

  await expect(page.getByTestId("sanggah-kosong")).toBeVisible();
  const form = page.locator("#catat-tahap");
  await expect(page.getByRole("link", { name: DOCUMENT, exact: true })).toHaveAttribute("aria-current", "page");
  await form.getByLabel(fill(external.levelLabel, { number: low.number }), { exact: true }).selectOption(String(low.level - 1));
  await form.getByLabel(fill(external.notesLabel, { number: low.number }), { exact: true }).fill("Reviu pelaksanaan belum dilampirkan.");
  await form.getByLabel(fill(external.levelLabel, { number: same.number }), { exact: true }).selectOption(String(same.level));
  await form.getByRole("button", { name: fill(external.save, { stage: DOCUMENT }) }).click();
  await expect(page.getByTestId("catat-tahap-hasil")).toContainText(fill(external.recorded, { stage: DOCUMENT, count: 2 }));

  // Side by side, with the difference in words, not only in colour.
  const lowerCell = page.getByTestId(`eksternal-${low.number}-DOCUMENT`);
  await expect(lowerCell).toContainText(`${low.level - 1}`);
  await expect(lowerCell).toContainText(external.lower);
  await expect(page.getByTestId(`eksternal-${same.number}-DOCUMENT`)).toHaveText(String(same.level));
  await expect(page.getByTestId("indeks-DOCUMENT")).toContainText(fill(external.completenessValue, { answered: 2, total: 47 }));

  const row = page.getByTestId(`sanggah-${low.number}`);
  await expect(row).toContainText(`${low.level - 1}`);
  await expect(row).toContainText(DOCUMENT);
  await expect(page.getByTestId(`sanggah-${same.number}`)).toHaveCount(0);
  await expect(page.getByTestId("batas-sanggah")).toContainText(fill(external.deadline, { date: "27 Februari 2026" }));

  // After a reload the form shows what is stored.
  await page.reload();
  await expect(page.locator("#catat-tahap").getByLabel(fill(external.levelLabel, { number: low.number }), { exact: true })).toHaveValue(String(low.level - 1));
});

test("the Pimpinan sees the stages and the sanggah list, without any form", async ({ page }) => {
  await agency.signIn(page, "pimpinan");
  await page.goto(externalPath);
  await expect(page.getByTestId("eksternal-baca-saja")).toBeVisible();
  await expect(page.getByTestId(`eksternal-${lowered}-DOCUMENT`)).toContainText(external.lower);
  await expect(page.getByTestId(`sanggah-${lowered}`)).toBeVisible();
  await expect(page.getByTestId(`sanggah-${kept}`)).toHaveCount(0);
  await expect(page.locator("#catat-tahap")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Simpan|Catat jawaban)/ })).toHaveCount(0);
});

test("an Admin OPD gets the not-found page", async ({ page }) => {
  await agency.signIn(page, "opd.diskominfo");
  const response = await page.goto(externalPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: notFound.title })).toBeVisible();
  await expect(page.getByText(external.title)).toHaveCount(0);
});
