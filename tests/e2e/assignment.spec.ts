// The Koordinator moves an indicator to another unit on the bulk assignment screen; the
// new owner's Admin OPD finds it in their to-do list, and another unit's Admin OPD does not.
// The last step moves it back. The agency is this spec's own (tests/e2e/fixtures).
import { type Page } from "@playwright/test";
import { fill } from "@/lib/i18n/format";
import { answers } from "@/lib/i18n/id/answers";
import { assignments } from "@/lib/i18n/id/assignments";
import { indicatorList } from "@/lib/i18n/id/indicatorList";
import { expect, test, type Agency } from "./fixtures";

const cell = (number: number, unit: string) => fill(assignments.cell, { number, unit });

test.describe.configure({ mode: "serial" });

let agency: Agency;
let periodId = "";

test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create({ label: "assignment" });
});

async function openAssignment(page: Page) {
  await page.goto("/dasbor");
  await page.getByTestId("tautan-penugasan").click();
  await expect(page.getByRole("heading", { name: `${assignments.title} · 2025` })).toBeVisible();
  periodId = /\/periode\/([^/]+)\/penugasan/.exec(page.url())![1]!;
  expect(periodId).toBe(agency.periodId);
}

async function moveIndicator31(page: Page, from: string, to: string) {
  const row = page.getByTestId("penugasan-31");
  await row.getByRole("checkbox", { name: cell(31, from) }).uncheck();
  await row.getByRole("checkbox", { name: cell(31, to) }).check();
  await expect(page.getByTestId("jumlah-perubahan")).toHaveText(fill(assignments.changes, { count: 2 }));
  await page.getByRole("button", { name: assignments.save }).click();
  await expect(page.getByTestId("penugasan-hasil")).toContainText(fill(assignments.saved.split(", {people}")[0]!, { added: 1, removed: 1 }));
  // The matrix starts again from what is stored.
  await expect(page.getByTestId("jumlah-perubahan")).toHaveText(fill(assignments.changes, { count: 0 }));
  await expect(row.getByRole("checkbox", { name: cell(31, to) })).toBeChecked();
  await expect(row.getByRole("checkbox", { name: cell(31, from) })).not.toBeChecked();
}

test("the Koordinator moves indicator 31 from the Inspektorat to Bappeda", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await openAssignment(page);

  // An indicator left without owner is flagged, and the default assignment fills it again.
  const row29 = page.getByTestId("penugasan-29");
  await row29.getByRole("checkbox", { name: cell(29, "Inspektorat") }).uncheck();
  await expect(row29).toContainText(assignments.noOwner);
  await expect(page.getByTestId("tanpa-penanggung-jawab")).toHaveText(fill(assignments.noOwnerCount, { count: 1 }));
  await page.getByRole("button", { name: assignments.applyDefaults }).click();
  await expect(page.getByText(fill(assignments.defaultsApplied, { count: 1 }))).toBeVisible();
  await expect(row29.getByRole("checkbox", { name: cell(29, "Inspektorat") })).toBeChecked();

  // A submitted answer keeps its owners: the row says so.
  await expect(page.getByTestId("penugasan-15")).toContainText(fill(assignments.ownerLocked, { status: answers.statuses.SUBMITTED!.toLowerCase() }));

  await moveIndicator31(page, "Inspektorat", "Bappeda");
});

test("Bappeda's Admin OPD finds indicator 31 in their to-do list, and not Diskominfo's indicators", async ({ page }) => {
  await agency.signIn(page, "opd.bappeda");
  await page.getByTestId("tautan-indikator").click();
  await expect(page.getByRole("heading", { name: `${indicatorList.todoTitle} · 2025` })).toBeVisible();

  const row = page.getByTestId("indikator-31");
  await expect(row).toContainText("Pelaksanaan Audit Keamanan SPBE");
  await expect(row).toContainText("Bappeda");
  await expect(row).toContainText(answers.statuses.NONE!);
  await expect(row).toContainText(new RegExp(fill(indicatorList.overdue, { days: "\\d+" })));
  await expect(row.getByRole("link")).toHaveAttribute("href", `/periode/${periodId}/indikator/31`);
  // What needs action comes first: the answer sent back for revision.
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-testid", "indikator-11");
  await expect(page.getByTestId("indikator-11")).toContainText(answers.statuses.NEEDS_REVISION!);
  await expect(page.getByTestId("indikator-15")).toHaveCount(0);
  await expect(page.getByTestId("indikator-29")).toHaveCount(0);
});

test("Diskominfo's Admin OPD does not see Bappeda's indicators", async ({ page }) => {
  await agency.signIn(page, "opd.diskominfo");
  await page.getByTestId("tautan-indikator").click();
  await expect(page.getByRole("heading", { name: `${indicatorList.todoTitle} · 2025` })).toBeVisible();
  await expect(page.getByTestId("indikator-15")).toBeVisible();
  await expect(page.getByTestId("indikator-31")).toHaveCount(0);
  await expect(page.getByTestId("indikator-11")).toHaveCount(0);
  // Nor the assignment screen.
  const response = await page.goto(`/periode/${periodId}/penugasan`);
  expect(response?.status()).toBe(404);
});

test("the Koordinator sees every indicator with its owners, and moves indicator 31 back", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.goto(`/periode/${periodId}/indikator?unit=`);
  await page.getByLabel("Unit kerja").selectOption({ label: "Bappeda" });
  await page.getByRole("button", { name: indicatorList.apply }).click();
  await expect(page.getByTestId("indikator-31")).toContainText("Bappeda");
  await expect(page.getByTestId("indikator-15")).toHaveCount(0);

  await openAssignment(page);
  await moveIndicator31(page, "Bappeda", "Inspektorat");
});
