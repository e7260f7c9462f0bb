// Issue 15, dead ends 2 and 5, in the agency's own copy of the demo data (2025, Verifikasi):
// an Admin OPD withdraws a submission the Asesor has not started on, and is told why once
// the Asesor has; the Koordinator locks the period and reopens it to Verifikasi with a
// reason, the Asesor returns a verified answer to its owner with a note, the owner corrects
// and resubmits it, and the Asesor verifies the corrected level.
import { expect, test, type Agency } from "./fixtures";
import type { Page } from "@playwright/test";
import { corrections } from "@/lib/i18n/id/corrections";
import { fill } from "@/lib/i18n/format";

test.describe.configure({ mode: "serial" });

let agency: Agency;
test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create();
});

/** The numbers of the Admin OPD's indicators in `status`, as their to-do list shows them. */
async function ownIndicatorsIn(page: Page, status: string): Promise<number[]> {
  await page.goto(`/periode/${agency.periodId}/indikator`);
  const rows = page.locator("tr[data-testid^='indikator-']", { hasText: status });
  const ids = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-testid")));
  return ids.map((id) => Number(id!.replace("indikator-", "")));
}

test("an Admin OPD withdraws a submission before the Asesor starts, and is told why after", async ({ page, browser }) => {
  await agency.signIn(page, "opd.diskominfo");
  const [first, second] = await ownIndicatorsIn(page, "Diajukan");
  expect(second, "the demo data has two submitted Diskominfo indicators").toBeDefined();

  await page.goto(`/periode/${agency.periodId}/indikator/${first}`);
  await expect(page.getByTestId("status-jawaban")).toHaveText("Diajukan");
  await page.getByRole("button", { name: corrections.withdraw }).click();
  // The page comes back as the owner's form: the submission is a draft again.
  await expect(page.getByTestId("status-jawaban")).toHaveText("Draf");
  await page.reload();
  await expect(page.getByLabel("Penjelasan")).toBeEditable();

  // The second one is open in the owner's tab while the Asesor verifies it.
  await page.goto(`/periode/${agency.periodId}/indikator/${second}`);
  await expect(page.getByRole("button", { name: corrections.withdraw })).toBeVisible();
  const asesor = await (await browser.newContext()).newPage();
  await agency.signIn(asesor, "asesor");
  await asesor.goto(`/periode/${agency.periodId}/indikator/${second}`);
  const form = asesor.locator("#verifikasi");
  await form.getByLabel("Keputusan").selectOption("VERIFIED");
  await form.getByRole("button", { name: "Simpan hasil verifikasi" }).click();
  await expect(asesor.getByTestId("status-jawaban")).toHaveText("Terverifikasi");
  await asesor.context().close();

  await page.getByRole("button", { name: corrections.withdraw }).click();
  await expect(page.getByTestId("tarik-pengajuan-hasil")).toContainText(fill(corrections.withdrawStarted, { status: "Terverifikasi" }));
});

test("after reopening, a verified answer goes back to its owner, is corrected and verified again", async ({ page, browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await agency.signIn(owner, "opd.diskominfo");
  const [number] = await ownIndicatorsIn(owner, "Terverifikasi");
  expect(number, "the demo data has a verified Diskominfo indicator").toBeDefined();

  await agency.signIn(page, "koordinator");
  await page.goto(`/periode/${agency.periodId}`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Kunci periode" }).click();
  const reopen = page.locator("#buka-kembali");
  await expect(reopen).toBeVisible();
  await reopen.getByLabel(corrections.reopenTo).selectOption("VERIFIKASI");
  await reopen.getByLabel("Alasan membuka kembali").fill("Koreksi: SK arsitektur sudah diperbarui.");
  await reopen.getByRole("button", { name: "Buka kembali" }).click();
  // Reopened: the period is no longer final, so its reopening form is gone.
  await expect(reopen).toHaveCount(0);

  // The owner still sees it read only: it is verified.
  await owner.goto(`/periode/${agency.periodId}/indikator/${number}`);
  await expect(owner.getByTestId("status-jawaban")).toHaveText("Terverifikasi");
  await expect(owner.getByLabel("Penjelasan")).toHaveCount(0);

  const asesor = await (await browser.newContext()).newPage();
  await agency.signIn(asesor, "asesor");
  await asesor.goto(`/periode/${agency.periodId}/indikator/${number}`);
  const note = "SK 2026 menggantikan SK lama; sesuaikan tingkat dan penjelasan.";
  const back = asesor.locator("#kembalikan-koreksi");
  await back.getByLabel(corrections.returnNotes).fill(note);
  await back.getByRole("button", { name: corrections.returnSubmit }).click();
  await expect(asesor.getByTestId("status-jawaban")).toHaveText("Perlu perbaikan");
  await asesor.reload();
  await expect(asesor.getByTestId("putaran-verifikasi")).toContainText(note);

  await owner.reload();
  await expect(owner.getByTestId("status-jawaban")).toHaveText("Perlu perbaikan");
  await owner.getByRole("radio", { name: /Tingkat 1/ }).check();
  await owner.getByLabel("Penjelasan").fill("Fakta: SK Bupati 2026 tentang Arsitektur SPBE belum diterapkan. Analisis: hanya kriteria tingkat 1 yang terpenuhi.");
  await expect(owner.getByTestId("status-simpan")).toContainText("Tersimpan");
  await owner.getByRole("button", { name: "Ajukan untuk verifikasi" }).click();
  await expect(owner.getByTestId("status-jawaban")).toHaveText("Diajukan");

  await asesor.reload();
  const form = asesor.locator("#verifikasi");
  await form.getByLabel("Tingkat terverifikasi").selectOption("1");
  await form.getByLabel("Keputusan").selectOption("VERIFIED");
  await form.getByRole("button", { name: "Simpan hasil verifikasi" }).click();
  await expect(asesor.getByTestId("status-jawaban")).toHaveText("Terverifikasi");
  await expect(asesor.getByTestId("tingkat-terverifikasi")).toHaveText("1");

  // The audit trail has the reopening with its reason and the return.
  await page.goto("/admin/audit?action=period.reopen");
  await expect(page.getByText("Koreksi: SK arsitektur sudah diperbarui.").first()).toBeAttached();
});
