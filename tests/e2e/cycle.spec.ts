// The whole yearly cycle in one agency (this spec's own copy of Kota Tirtamulya), as the real roles walk it: the
// Koordinator opens 2026 and assigns; two Admin OPD fill their indicators with evidence;
// the Asesor sends one back; its owner fixes it; the Asesor verifies; the Koordinator
// records an external stage and locks the period; the locked period refuses edits, also to
// the evidence behind its answers, and its report stays the same.
import { PDFParse } from "pdf-parse";
import { type Page } from "@playwright/test";
import { expect, periodIdOf, test, type Agency } from "./fixtures";

test.describe.configure({ mode: "serial" });
// Whole steps of the year in each test (several people, reports parsed twice): more than the default minute under load.
test.slow();

let agency: Agency;
let periodId = "";

test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create({ template: "kota-tirtamulya", label: "cycle" });
});

async function advance(page: Page, button: string | RegExp) {
  await page.goto(`/periode/${periodId}`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByTestId("maju-tahap-hasil")).toBeVisible();
}

async function fill(page: Page, number: number, level: string, explanation: string) {
  await page.goto(`/periode/${periodId}/indikator/${number}`);
  await page.getByRole("radio", { name: new RegExp(`Tingkat ${level}`) }).check();
  await page.getByLabel("Penjelasan").fill(explanation);
  await expect(page.getByTestId("status-simpan")).toContainText("Tersimpan");
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Ajukan untuk verifikasi" }).click();
  await expect(page.getByTestId("status-jawaban")).toHaveText("Diajukan");
}

async function review(page: Page, number: number, decision: "VERIFIED" | "NEEDS_REVISION", level: string, notes: string) {
  await page.goto(`/periode/${periodId}/indikator/${number}`);
  const form = page.locator("#verifikasi");
  await form.getByLabel("Tingkat terverifikasi").selectOption(level);
  await form.getByLabel("Keputusan").selectOption(decision);
  await form.getByLabel("Catatan asesor").fill(notes);
  await form.getByRole("button", { name: "Simpan hasil verifikasi" }).click();
  await expect(page.getByTestId("status-jawaban")).toHaveText(decision === "VERIFIED" ? "Terverifikasi" : "Perlu perbaikan");
}

test("the Koordinator opens the 2026 period, assigns with the defaults and starts filling", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.goto("/periode");
  await page.locator("summary", { hasText: "Buka periode" }).click();
  const form = page.locator("#periode-baru");
  await form.getByLabel("Tahun", { exact: true }).fill("2026");
  await form.getByLabel("Kerangka penilaian").selectOption({ label: "Indeks SPBE (PermenPANRB 59/2020) (versi 1)" });
  await form.getByLabel("Tenggat pengisian").fill("2026-09-30");
  await form.getByLabel("Tenggat verifikasi").fill("2026-10-31");
  await form.getByLabel("Tenggat pengiriman ke KemenPANRB").fill("2026-11-30");
  // spbe-2020 is in force until 2025: opening 2026 on it is asked for, then confirmed.
  await form.getByRole("button", { name: "Buka periode" }).click();
  await expect(form.getByText("berlaku untuk tahun 2021, 2022, 2023, 2024, 2025, bukan 2026")).toBeVisible();
  await form.getByLabel("Saya paham kerangka ini tidak berlaku untuk tahun tersebut").check();
  await form.getByRole("button", { name: "Buka periode" }).click();
  await expect(page.getByTestId("periode-baru-hasil")).toContainText("Periode 2026 dibuka");
  periodId = await periodIdOf(page, 2026);

  await page.goto(`/periode/${periodId}/penugasan`);
  await page.getByRole("button", { name: "Terapkan penugasan bawaan" }).click();
  await page.getByRole("button", { name: "Simpan penugasan" }).click();
  await expect(page.getByTestId("penugasan-hasil")).toContainText("Penugasan disimpan");
  await expect(page.getByTestId("penugasan-1").getByRole("checkbox", { name: "Indikator 1 · Diskominfo" })).toBeChecked();
  await expect(page.getByTestId("penugasan-11").getByRole("checkbox", { name: "Indikator 11 · Bappeda" })).toBeChecked();

  await advance(page, "Lanjut ke tahap Pengisian");
});

test("two Admin OPD fill their indicators with evidence and submit them", async ({ browser }) => {
  const diskominfo = await (await browser.newContext()).newPage();
  await agency.signIn(diskominfo, "opd.diskominfo");
  await diskominfo.goto(`/periode/${periodId}/indikator`);
  await expect(diskominfo.getByTestId("indikator-1")).toContainText("Belum diisi");
  await expect(diskominfo.getByTestId("indikator-11")).toHaveCount(0);
  await fill(diskominfo, 1, "3", "Fakta: Perwali Tirtamulya 8/2025 tentang Arsitektur SPBE, pasal 2-9. Analisis: kriteria tingkat 3 terpenuhi.");
  await diskominfo.getByText("Tambah tautan sebagai bukti").first().click();
  await diskominfo.getByLabel("Judul bukti").fill("Perwali 8/2025 di JDIH");
  await diskominfo.getByLabel("Alamat tautan (http/https)").fill("https://jdih.tirtamulyakota.go.id/perwali-8-2025");
  await diskominfo.getByRole("button", { name: "Tambah tautan sebagai bukti" }).click();
  await expect(diskominfo.getByTestId("pesan-jawaban")).toContainText("ditambahkan sebagai bukti");
  await submit(diskominfo);

  const bappeda = await (await browser.newContext()).newPage();
  await agency.signIn(bappeda, "opd.bappeda");
  await fill(bappeda, 11, "2", "Fakta: RPJMD 2025-2029 memuat program SPBE (bab IV). Analisis: kriteria tingkat 2 terpenuhi.");
  await bappeda.getByLabel("Alasan tanpa bukti dukung").fill("Dokumen RPJMD sedang diunggah ke JDIH oleh Bagian Hukum.");
  await expect(bappeda.getByTestId("status-simpan")).toContainText("Tersimpan");
  await submit(bappeda);
});

test("the Asesor sends one back, its owner fixes it, the Asesor verifies both", async ({ browser }) => {
  const koordinator = await (await browser.newContext()).newPage();
  await agency.signIn(koordinator, "koordinator");
  await advance(koordinator, "Lanjut ke tahap Verifikasi");

  const asesor = await (await browser.newContext()).newPage();
  await agency.signIn(asesor, "asesor");
  await asesor.goto(`/periode/${periodId}/verifikasi`);
  await expect(asesor.getByTestId("indikator-1")).toContainText("Diajukan");
  await expect(asesor.getByTestId("indikator-11")).toContainText("Diajukan");
  await review(asesor, 11, "NEEDS_REVISION", "2", "Sebutkan halaman RPJMD yang memuat program SPBE.");
  await review(asesor, 1, "VERIFIED", "3", "Perwali lengkap dan berlaku.");

  const bappeda = await (await browser.newContext()).newPage();
  await agency.signIn(bappeda, "opd.bappeda");
  await bappeda.goto(`/periode/${periodId}/indikator`);
  await expect(bappeda.getByTestId("indikator-11")).toContainText("Perlu perbaikan");
  await fill(bappeda, 11, "2", "Fakta: RPJMD 2025-2029 bab IV halaman 112-118 memuat program SPBE. Analisis: kriteria tingkat 2 terpenuhi.");
  await expect(bappeda.getByTestId("putaran-verifikasi")).toContainText("Sebutkan halaman RPJMD");
  await submit(bappeda);

  await review(asesor, 11, "VERIFIED", "2", "Sudah jelas.");
  await expect(asesor.getByTestId("putaran-verifikasi").locator("li")).toHaveCount(2);
});

test("the Koordinator records the document stage and locks the period; the locked period refuses edits", async ({ browser }) => {
  const koordinator = await (await browser.newContext()).newPage();
  await agency.signIn(koordinator, "koordinator");
  await koordinator.goto(`/periode/${periodId}/eksternal?tahap=DOCUMENT`);
  const stage = koordinator.locator("#catat-tahap");
  await stage.getByLabel("Tingkat indikator 1", { exact: true }).selectOption("2");
  await stage.getByLabel("Catatan indikator 1", { exact: true }).fill("Perwali belum diterapkan di semua OPD.");
  await stage.getByRole("button", { name: "Simpan hasil tahap Dokumen" }).click();
  await expect(koordinator.getByTestId("catat-tahap-hasil")).toContainText("Hasil tahap Dokumen disimpan");
  await expect(koordinator.getByTestId("sanggah-1")).toBeVisible();

  await koordinator.goto(`/periode/${periodId}`);
  await expect(koordinator.getByTestId("indeks-terverifikasi")).not.toHaveText("0,00");
  koordinator.once("dialog", (dialog) => dialog.accept());
  await koordinator.getByRole("button", { name: "Kunci periode (Final)" }).click();
  await expect(koordinator.getByTestId("periode-terkunci")).toBeVisible();

  const bappeda = await (await browser.newContext()).newPage();
  await agency.signIn(bappeda, "opd.bappeda");
  await bappeda.goto(`/periode/${periodId}/indikator/12`);
  await expect(bappeda.getByText("tidak mengubahnya")).toBeVisible();
  await expect(bappeda.getByRole("button", { name: "Ajukan untuk verifikasi" })).toHaveCount(0);
  await expect(bappeda.getByLabel("Komentar")).toHaveCount(0);

  // The evidence behind a locked answer keeps its data, so the locked report stays the same.
  const reportText = async () => {
    const pdf = await koordinator.request.get(`/periode/${periodId}/laporan.pdf`);
    expect(pdf.status()).toBe(200);
    return (await new PDFParse({ data: new Uint8Array(await pdf.body()) }).getText()).text.replace(/\s+/g, " ");
  };
  const csv = async () => (await koordinator.request.get(`/periode/${periodId}/hasil.csv`)).text();
  const [textBefore, csvBefore] = [await reportText(), await csv()];
  expect(textBefore).toContain("Perwali 8/2025 di JDIH");

  const diskominfo = await (await browser.newContext()).newPage();
  await agency.signIn(diskominfo, "opd.diskominfo");
  await diskominfo.goto("/bukti?q=Perwali");
  const card = diskominfo.locator('li[data-testid^="bukti-"]', { hasText: "Perwali 8/2025 di JDIH" });
  await card.getByText("Ubah data").click();
  await card.getByLabel("Judul", { exact: true }).fill("Perwali 8/2025 (judul diganti)");
  await card.getByRole("button", { name: "Simpan" }).click();
  await expect(card.locator('[data-testid^="ubah-"][data-testid$="-hasil"]')).toContainText("tidak dapat diubah");
  await diskominfo.reload();
  await expect(diskominfo.locator('li[data-testid^="bukti-"]', { hasText: "Perwali 8/2025 di JDIH" })).toHaveCount(1);

  expect(await reportText()).toBe(textBefore);
  expect(await csv()).toBe(csvBefore);
});
