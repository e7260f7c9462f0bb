// The page people spend hours on: drafts save by themselves and survive a reload or a
// closed tab; two people saving the same answer see each other's version instead of
// overwriting it; submission rules; the asesor sends back, the owner fixes, the asesor verifies.
// Every test works in an agency of its own (a copy of the demo Kabupaten Sukamaju).
import { type Page } from "@playwright/test";
import { expect, test, type Agency } from "./fixtures";
import { samples } from "../support/evidence-files";

const OWNER = "opd.diskominfo";
const ASESOR = "asesor";

async function openIndicator(page: Page, agency: Agency, number: number) {
  await page.goto(`/periode/${agency.periodId}/indikator/${number}`);
}

const explanation = (page: Page) => page.getByLabel("Penjelasan");

test("a draft saves itself, survives a reload, and what was typed before closing the tab comes back", async ({ browser, agency }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await agency.signIn(page, OWNER);
  await openIndicator(page, agency, 2);
  await expect(page.getByTestId("status-jawaban")).toHaveText("Belum diisi");

  // The effect on the period's index shows before anything is saved.
  await page.getByRole("radio", { name: /Tingkat 5/ }).check();
  const atFive = await page.getByTestId("efek-indeks").textContent();
  await page.getByRole("radio", { name: /Tingkat 2/ }).check();
  await expect(page.getByTestId("efek-indeks")).toContainText(/\d,\d\d/);
  expect(await page.getByTestId("efek-indeks").textContent()).not.toBe(atFive);
  await explanation(page).fill("Fakta: Perbup Sukamaju 7/2024 tentang Peta Rencana SPBE.");
  await expect(page.getByTestId("status-simpan")).toContainText("Tersimpan");
  await page.reload();
  await expect(page.getByRole("radio", { name: /Tingkat 2/ })).toBeChecked();
  await expect(explanation(page)).toHaveValue("Fakta: Perbup Sukamaju 7/2024 tentang Peta Rencana SPBE.");
  await expect(page.getByTestId("status-jawaban")).toHaveText("Draf");

  // Typed, then the connection dropped: kept on the device and reported.
  await context.setOffline(true);
  await explanation(page).fill("Fakta: Perbup Sukamaju 7/2024, pasal 4. Analisis: kriteria tingkat 2 terpenuhi.");
  await expect(page.getByTestId("status-simpan")).toContainText("Tidak terhubung", { timeout: 15_000 });
  await page.close();
  await context.setOffline(false);

  // The tab was closed before anything reached the server: the next visit restores and sends it.
  const again = await context.newPage();
  await openIndicator(again, agency, 2);
  await expect(again.getByText("dipulihkan dari perangkat ini")).toBeVisible();
  await expect(explanation(again)).toHaveValue("Fakta: Perbup Sukamaju 7/2024, pasal 4. Analisis: kriteria tingkat 2 terpenuhi.");
  await expect(again.getByTestId("status-simpan")).toContainText("Tersimpan");
  await again.reload();
  await expect(explanation(again)).toHaveValue("Fakta: Perbup Sukamaju 7/2024, pasal 4. Analisis: kriteria tingkat 2 terpenuhi.");
  await context.close();
});

test("two people saving the same answer: the second sees the first's version and chooses", async ({ browser, agency }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await agency.signIn(first, OWNER);
  await agency.signIn(second, OWNER);
  await openIndicator(first, agency, 3);
  await openIndicator(second, agency, 3);

  await explanation(first).fill("Versi pertama: SK Bupati 100/2024 tentang Manajemen Data.");
  await expect(first.getByTestId("status-simpan")).toContainText("Tersimpan");

  await explanation(second).fill("Versi kedua: belum ada kebijakan manajemen data.");
  const conflict = second.getByTestId("konflik");
  await expect(conflict).toBeVisible();
  await expect(second.getByTestId("versi-tersimpan")).toHaveText("Versi pertama: SK Bupati 100/2024 tentang Manajemen Data.");
  await second.getByRole("button", { name: "Simpan versi saya" }).click();
  await expect(second.getByTestId("status-simpan")).toContainText("Tersimpan");

  await first.reload();
  await expect(explanation(first)).toHaveValue("Versi kedua: belum ada kebijakan manajemen data.");
});

test("submission rules, then the asesor sends back, the owner fixes, the asesor verifies", async ({ browser, agency }) => {
  const owner = await (await browser.newContext()).newPage();
  await agency.signIn(owner, OWNER);
  await openIndicator(owner, agency, 7);
  await owner.getByRole("radio", { name: /Tingkat 3/ }).check();
  await explanation(owner).fill("Fakta: Perbup 15/2024 tentang Sistem Penghubung Layanan, pasal 2-6. Analisis: kriteria tingkat 3 terpenuhi.");
  await owner.getByRole("button", { name: "Ajukan untuk verifikasi" }).click();
  await expect(owner.getByTestId("pesan-jawaban")).toContainText("lampirkan bukti dukung");

  // A file from this computer, through the resumable uploader, attaches itself.
  await owner.getByText("Unggah berkas bukti").click();
  await owner.locator('input[type="file"]').setInputFiles({ name: "perbup-15-2024.pdf", mimeType: "application/pdf", buffer: samples.pdf("Perbup 15/2024") });
  await expect(owner.getByTestId("unggahan-perbup-15-2024.pdf").getByRole("status")).toContainText("tersimpan", { timeout: 30_000 });
  await expect(owner.getByTestId("status-simpan")).toContainText("Tersimpan");

  await owner.getByText("Tambah tautan sebagai bukti").first().click();
  await owner.getByLabel("Judul bukti").fill("Perbup 15/2024 di JDIH");
  await owner.getByLabel("Alamat tautan (http/https)").fill("https://jdih.sukamajukab.go.id/perbup-15-2024");
  await owner.getByRole("button", { name: "Tambah tautan sebagai bukti" }).click();
  await expect(owner.getByTestId("pesan-jawaban")).toContainText("ditambahkan sebagai bukti");
  await owner.getByRole("button", { name: "Ajukan untuk verifikasi" }).click();
  await expect(owner.getByTestId("status-jawaban")).toHaveText("Diajukan");
  await expect(owner.getByRole("link", { name: "Perbup 15/2024 di JDIH" })).toBeVisible();
  await expect(owner.getByRole("link", { name: "perbup-15-2024", exact: true })).toBeVisible();

  const asesor = await (await browser.newContext()).newPage();
  await agency.signIn(asesor, ASESOR);
  await openIndicator(asesor, agency, 7);
  const verify = asesor.locator("#verifikasi");
  await verify.getByLabel("Keputusan").selectOption("NEEDS_REVISION");
  await verify.getByRole("button", { name: "Simpan hasil verifikasi" }).click();
  await expect(verify.getByText("Tuliskan catatan")).toBeVisible();
  await verify.getByLabel("Catatan asesor").fill("Perbup belum mencakup semua OPD; jelaskan penerapannya.");
  await verify.getByRole("button", { name: "Simpan hasil verifikasi" }).click();
  await expect(asesor.getByTestId("status-jawaban")).toHaveText("Perlu perbaikan");

  await owner.reload();
  await expect(owner.getByTestId("status-jawaban")).toHaveText("Perlu perbaikan");
  await expect(owner.getByTestId("putaran-verifikasi")).toContainText("Perbup belum mencakup semua OPD");
  await explanation(owner).fill("Fakta: Perbup 15/2024 pasal 2-6; diterapkan di 11 OPD (lampiran II). Analisis: kriteria tingkat 3 terpenuhi.");
  await expect(owner.getByTestId("status-simpan")).toContainText("Tersimpan");
  await owner.getByRole("button", { name: "Ajukan untuk verifikasi" }).click();
  await expect(owner.getByTestId("status-jawaban")).toHaveText("Diajukan");

  await asesor.reload();
  await verify.getByLabel("Tingkat terverifikasi").selectOption("3");
  await verify.getByLabel("Keputusan").selectOption("VERIFIED");
  await verify.getByRole("button", { name: "Simpan hasil verifikasi" }).click();
  await expect(asesor.getByTestId("status-jawaban")).toHaveText("Terverifikasi");
  await expect(asesor.getByTestId("tingkat-terverifikasi")).toHaveText("3");
  await expect(asesor.getByTestId("putaran-verifikasi").locator("li")).toHaveCount(2);

  // The discussion: the asesor mentions the owner, who finds it on their workspace.
  await asesor.getByLabel("Komentar").fill("Terima kasih, sudah lengkap.");
  await asesor.getByText("Sebut pengguna (opsional)").first().click();
  await asesor.getByLabel(agency.nameOf(OWNER)).check();
  await asesor.getByRole("button", { name: "Kirim komentar" }).click();
  await expect(asesor.getByTestId("diskusi")).toContainText("Terima kasih, sudah lengkap.");
  await expect(asesor.getByTestId("diskusi")).toContainText(`@${agency.nameOf(OWNER)}`);
  await owner.goto("/dasbor");
  await expect(owner.getByTestId("sebutan")).toContainText("Terima kasih, sudah lengkap.");
});

test("an Admin OPD cannot open an indicator of another unit", async ({ page, agency }) => {
  await agency.signIn(page, "opd.bappeda");
  await openIndicator(page, agency, 7);
  await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
});
