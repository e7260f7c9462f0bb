// Assessment periods as the Koordinator and the Pimpinan meet them, in an agency of this spec's
// own (a copy of the demo Kabupaten Sukamaju): the 2025 period's overview agrees with the workspace, the Koordinator opens 2026 from last year's results
// and starts the filling phase, and the Pimpinan reads everything but changes nothing.
import { type Page } from "@playwright/test";
import { app } from "@/lib/i18n/id/app";
import { fill } from "@/lib/i18n/format";
import { notFound } from "@/lib/i18n/id/notFound";
import { periods } from "@/lib/i18n/id/periods";
import { expect, test, type Agency } from "./fixtures";

test.describe.configure({ mode: "serial" });

const { form: formText, overview, phases } = periods;
let agency: Agency;
let otherAgency: Agency;

test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create({ label: "periods" });
  otherAgency = await agencies.create({ template: "kota-tirtamulya", label: "periods" });
});

async function openOverview(page: Page, year: number) {
  await page.goto("/periode");
  await page.getByTestId(`periode-${year}`).getByRole("link", { name: fill(periods.periodTitle, { year }) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(fill(periods.periodTitle, { year }));
}

let period2025Url = "";

test("the overview of the 2025 period shows the same indices as the workspace", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.goto("/dasbor");
  const selfIndex = (await page.getByTestId("indeks-mandiri").textContent())!;
  const verifiedIndex = (await page.getByTestId("indeks-terverifikasi").textContent())!;
  expect(selfIndex).toMatch(/^\d,\d\d$/);

  await page.getByRole("navigation", { name: app.mainNavigation }).getByRole("link", { name: "Periode" }).click();
  await expect(page).toHaveURL(/\/periode$/);
  await expect(page.getByTestId("indeks-mandiri-2025")).toHaveText(selfIndex);

  await openOverview(page, 2025);
  period2025Url = new URL(page.url()).pathname;
  await expect(page.getByTestId("indeks-mandiri")).toHaveText(selfIndex);
  await expect(page.getByTestId("indeks-terverifikasi")).toHaveText(verifiedIndex);
  await expect(page.getByTestId("tahap-periode").locator('[aria-current="step"]')).toContainText(phases.VERIFIKASI!);
  await expect(page.getByTestId("kemajuan-unit")).toContainText("Dinas Komunikasi dan Informatika");
  await expect(page.getByRole("link", { name: overview.links.assignments })).toBeVisible();
});

test("the Koordinator opens 2026 from last year, sees the baseline counted, and starts filling", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.goto("/periode");
  await page.locator("summary", { hasText: formText.open }).click();
  const form = page.locator("#periode-baru");
  await expect(form.getByLabel(periods.year, { exact: true })).toHaveValue("2026");
  await form.getByLabel(formText.frameworkVersion).selectOption({ label: "Indeks SPBE (PermenPANRB 59/2020) (versi 1)" });
  await form.getByLabel(formText.predicateBasis).selectOption({ label: formText.basisExact });
  await form.getByLabel(periods.target).fill("3,5");
  await form.getByLabel(formText.fillDeadline).fill("2026-09-30");
  await form.getByLabel(formText.verifyDeadline).fill("2026-09-15");
  await form.getByRole("button", { name: formText.open }).click();
  await expect(form.getByText(fill(formText.deadlineOrder, { earlier: formText.deadlineNames.fillDeadline! }))).toBeVisible();
  await expect(form.getByLabel(formText.verifyDeadline)).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel(formText.verifyDeadline).fill("2026-10-31");
  await form.getByLabel(formText.submitDeadline).fill("2026-11-30");
  await form.getByLabel(formText.baseline).check();
  await form.getByLabel(formText.confirmFramework).check();
  await form.getByRole("button", { name: formText.open }).click();
  const outcome = page.getByTestId("periode-baru-hasil");
  await expect(outcome).toContainText(`${fill(formText.openedWithBaseline, { year: 2026, baseline: 2025 }).split(":")[0]}:`);
  const copied = Number(/(\d+) jawaban/.exec((await outcome.textContent())!)![1]);
  expect(copied).toBeGreaterThan(0);
  await expect(page.getByTestId("periode-2026")).toContainText(phases.PERSIAPAN!);

  await openOverview(page, 2026);
  // The agency's 2025 period is still in Verifikasi: the overview says which stage was copied.
  await expect(page.getByText(fill(overview.baselineFromStage, { year: 2025, phase: phases.VERIFIKASI! }))).toBeVisible();
  await expect(page.getByTestId("target-indeks")).toHaveText("3,50");
  await expect(page.getByTestId("kemajuan-domain-jumlah").locator('[data-kolom="needsConfirmation"]')).toHaveText(String(copied));
  await expect(page.getByTestId("kemajuan-domain-jumlah").locator('[data-kolom="answered"]')).toHaveText("0");
  await expect(page.getByTestId("indeks-mandiri-kelengkapan")).toContainText(fill(periods.answeredOf, { answered: copied, total: 47 }));
  await expect(page.getByText(fill(overview.needsConfirmationNote, { count: copied }))).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: fill(overview.advanceTo, { phase: phases.PENGISIAN! }) }).click();
  await expect(page.getByTestId("maju-tahap-hasil")).toHaveText(fill(periods.advanced, { year: 2026, phase: phases.PENGISIAN! }));
  await expect(page.getByTestId("tahap-periode").locator('[aria-current="step"]')).toContainText(phases.PENGISIAN!);
  await expect(page.getByRole("button", { name: fill(overview.advanceTo, { phase: phases.VERIFIKASI! }) })).toBeVisible();
});

test("the Pimpinan sees the periods and their overview, without any control", async ({ page }) => {
  await agency.signIn(page, "pimpinan");
  await page.getByRole("navigation", { name: app.mainNavigation }).getByRole("link", { name: "Periode" }).click();
  await expect(page.getByTestId("periode-2026")).toContainText(phases.PENGISIAN!);
  await expect(page.getByTestId("periode-2025")).toContainText(phases.VERIFIKASI!);
  await expect(page.locator("summary", { hasText: formText.open })).toHaveCount(0);

  await openOverview(page, 2025);
  await expect(page.getByTestId("indeks-mandiri")).toBeVisible();
  await expect(page.getByTestId("kemajuan-unit")).toBeVisible();
  await expect(page.getByTestId("kendali-koordinator")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
});

test("another agency's Koordinator gets the 404 page for this agency's period", async ({ page }) => {
  await otherAgency.signIn(page, "koordinator");
  const response = await page.goto(period2025Url);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("tahap-periode")).toHaveCount(0);
  await expect(page.getByText(notFound.title)).toBeVisible();
});
