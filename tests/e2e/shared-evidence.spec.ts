// Issue 15, dead end 1, in the agency's own copy of the demo data: Diskominfo uploads the
// Bupati's decree; Bappeda uploads the same file for its own indicator and gets the shared
// item (no error), the autosave with the level and explanation succeeds, and Bappeda's
// library lists the decree as shared, without the owner's edit and delete forms.
import { expect, test, type Agency } from "./fixtures";
import { evidence } from "@/lib/i18n/id/evidence";

test.describe.configure({ mode: "serial" });

const TITLE = "SK Bupati Tim Koordinasi SPBE";
const FILE_NAME = `${TITLE}.pdf`;
const DECREE = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% SK Bupati Tim Koordinasi SPBE (uji bersama)\nstartxref\n9\n%%EOF\n");

let agency: Agency;
test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create();
});

test("a decree uploaded by Diskominfo serves Bappeda's indicator too", async ({ page, browser }) => {
  await agency.signIn(page, "opd.diskominfo");
  await page.goto("/bukti");
  await page.getByLabel("Jenis dokumen untuk berkas berikutnya").selectOption("KEPUTUSAN");
  await page.locator('input[type="file"]').setInputFiles({ name: FILE_NAME, mimeType: "application/pdf", buffer: DECREE });
  await expect(page.getByTestId(`unggahan-${FILE_NAME}`)).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await page.reload();
  await expect(page.locator("li[data-testid^='bukti-']", { hasText: TITLE }).getByTestId("bukti-bersama")).toHaveText(evidence.sharing.badge);

  const bappeda = await (await browser.newContext()).newPage();
  await agency.signIn(bappeda, "opd.bappeda");
  await bappeda.goto(`/periode/${agency.periodId}/indikator`);
  const open = bappeda.locator("tr[data-testid^='indikator-']").filter({ hasText: /Belum diisi|Draf|Perlu perbaikan/ }).first();
  const number = (await open.getAttribute("data-testid"))!.replace("indikator-", "");
  await bappeda.goto(`/periode/${agency.periodId}/indikator/${number}`);
  await bappeda.getByText("Unggah berkas bukti").click();
  await bappeda.locator('input[type="file"]').setInputFiles({ name: "sk-tim-spbe.pdf", mimeType: "application/pdf", buffer: DECREE });
  const upload = bappeda.getByTestId("unggahan-sk-tim-spbe.pdf");
  await expect(upload).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(upload.getByRole("status")).toContainText(`sudah ada di pustaka sebagai bukti bersama "${TITLE}" milik Diskominfo`);

  await bappeda.getByRole("radio", { name: /Tingkat 2/ }).check();
  const explanation = "Fakta: SK Bupati tentang Tim Koordinasi SPBE menetapkan Bappeda sebagai anggota. Analisis: kriteria tingkat 2 terpenuhi.";
  await bappeda.getByLabel("Penjelasan").fill(explanation);
  await expect(bappeda.getByTestId("status-simpan")).toContainText("Tersimpan");
  await expect(bappeda.getByText("Bukti dukung yang dipilih tidak ditemukan di pustaka instansi")).toHaveCount(0);

  await bappeda.reload();
  await expect(bappeda.getByLabel("Penjelasan")).toHaveValue(explanation);
  await expect(bappeda.getByRole("checkbox", { name: new RegExp(`${TITLE} · Diskominfo`) })).toBeChecked();

  // Bappeda's library lists it as shared; only Diskominfo may change or delete it.
  await bappeda.goto("/bukti");
  const card = bappeda.locator("li[data-testid^='bukti-']", { hasText: TITLE });
  await expect(card.getByTestId("bukti-bersama")).toBeVisible();
  await expect(card.getByRole("button", { name: "Hapus" })).toHaveCount(0);
  await expect(card.getByRole("button", { name: evidence.sharing.unshare })).toHaveCount(0);
  await expect(page.locator("li[data-testid^='bukti-']", { hasText: TITLE }).getByRole("button", { name: evidence.sharing.unshare })).toBeVisible();
});
