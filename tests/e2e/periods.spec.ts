// Assessment periods as the Koordinator and the Pimpinan meet them: the 2025 demo period's
// overview agrees with the workspace, the Koordinator opens 2026 from last year's results
// and starts the filling phase, and the Pimpinan reads everything but changes nothing.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

test.describe.configure({ mode: "serial" });

const KOORDINATOR = "koordinator@sukamaju.spbe.demo";
const PIMPINAN = "pimpinan@sukamaju.spbe.demo";

async function openOverview(page: Page, year: number) {
  await page.goto("/periode");
  await page.getByTestId(`periode-${year}`).getByRole("link", { name: `Periode evaluasi ${year}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Periode evaluasi ${year}`);
}

let period2025Url = "";

test("the overview of the 2025 period shows the same indices as the workspace", async ({ page }) => {
  await signIn(page, KOORDINATOR);
  await page.goto("/dasbor");
  const selfIndex = (await page.getByTestId("indeks-mandiri").textContent())!;
  const verifiedIndex = (await page.getByTestId("indeks-terverifikasi").textContent())!;
  expect(selfIndex).toMatch(/^\d,\d\d$/);

  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Periode" }).click();
  await expect(page).toHaveURL(/\/periode$/);
  await expect(page.getByTestId("indeks-mandiri-2025")).toHaveText(selfIndex);

  await openOverview(page, 2025);
  period2025Url = new URL(page.url()).pathname;
  await expect(page.getByTestId("indeks-mandiri")).toHaveText(selfIndex);
  await expect(page.getByTestId("indeks-terverifikasi")).toHaveText(verifiedIndex);
  await expect(page.getByTestId("tahap-periode").locator('[aria-current="step"]')).toContainText("Verifikasi");
  await expect(page.getByTestId("kemajuan-unit")).toContainText("Dinas Komunikasi dan Informatika");
  await expect(page.getByRole("link", { name: "Penugasan indikator" })).toBeVisible();
});

test("the Koordinator opens 2026 from last year, sees the baseline counted, and starts filling", async ({ page }) => {
  await signIn(page, KOORDINATOR);
  await page.goto("/periode");
  await page.locator("summary", { hasText: "Buka periode" }).click();
  const form = page.locator("#periode-baru");
  await expect(form.getByLabel("Tahun", { exact: true })).toHaveValue("2026");
  await form.getByLabel("Kerangka penilaian").selectOption({ label: "Indeks SPBE (PermenPANRB 59/2020) (versi 1)" });
  await form.getByLabel("Dasar predikat").selectOption({ label: "Indeks eksak (praktik 2024)" });
  await form.getByLabel("Target indeks").fill("3,5");
  await form.getByLabel("Tenggat pengisian").fill("2026-09-30");
  await form.getByLabel("Tenggat verifikasi").fill("2026-09-15");
  await form.getByRole("button", { name: "Buka periode" }).click();
  await expect(form.getByText("Tidak boleh sebelum tenggat pengisian.")).toBeVisible();
  await expect(form.getByLabel("Tenggat verifikasi")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Tenggat verifikasi").fill("2026-10-31");
  await form.getByLabel("Tenggat pengiriman ke KemenPANRB").fill("2026-11-30");
  await form.getByLabel("Mulai dari tahun lalu").check();
  await form.getByLabel("Saya paham kerangka ini tidak berlaku untuk tahun tersebut").check();
  await form.getByRole("button", { name: "Buka periode" }).click();
  const outcome = page.getByTestId("periode-baru-hasil");
  await expect(outcome).toContainText("Periode 2026 dibuka dari periode 2025:");
  const copied = Number(/(\d+) jawaban/.exec((await outcome.textContent())!)![1]);
  expect(copied).toBeGreaterThan(0);
  await expect(page.getByTestId("periode-2026")).toContainText("Persiapan");

  await openOverview(page, 2026);
  await expect(page.getByText("Dimulai dari periode 2025.")).toBeVisible();
  await expect(page.getByTestId("target-indeks")).toHaveText("3,50");
  await expect(page.getByTestId("kemajuan-domain-jumlah").locator('[data-kolom="needsConfirmation"]')).toHaveText(String(copied));
  await expect(page.getByTestId("kemajuan-domain-jumlah").locator('[data-kolom="answered"]')).toHaveText("0");
  await expect(page.getByTestId("indeks-mandiri-kelengkapan")).toContainText(`${copied} dari 47 indikator`);
  await expect(page.getByText(`memuat ${copied} jawaban dasar dari tahun lalu`)).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Lanjut ke tahap Pengisian" }).click();
  await expect(page.getByTestId("maju-tahap-hasil")).toHaveText("Periode 2026 sekarang pada tahap Pengisian.");
  await expect(page.getByTestId("tahap-periode").locator('[aria-current="step"]')).toContainText("Pengisian");
  await expect(page.getByRole("button", { name: "Lanjut ke tahap Verifikasi" })).toBeVisible();
});

test("the Pimpinan sees the periods and their overview, without any control", async ({ page }) => {
  await signIn(page, PIMPINAN);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Periode" }).click();
  await expect(page.getByTestId("periode-2026")).toContainText("Pengisian");
  await expect(page.getByTestId("periode-2025")).toContainText("Verifikasi");
  await expect(page.locator("summary", { hasText: "Buka periode" })).toHaveCount(0);

  await openOverview(page, 2025);
  await expect(page.getByTestId("indeks-mandiri")).toBeVisible();
  await expect(page.getByTestId("kemajuan-unit")).toBeVisible();
  await expect(page.getByTestId("kendali-koordinator")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
});

test("another agency's Koordinator gets the 404 page for this agency's period", async ({ page }) => {
  await signIn(page, "koordinator@tirtamulya.spbe.demo");
  const response = await page.goto(period2025Url);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("tahap-periode")).toHaveCount(0);
  await expect(page.getByText("Halaman tidak ditemukan")).toBeVisible();
});
