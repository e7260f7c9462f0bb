// Target simulation and recommendations in the 2025 period of this spec's own copy of Kabupaten Sukamaju:
// the Koordinator raises one target and sees the projected index move, asks for the
// fastest path to the next predicate, saves it as a plan and finds one recommendation per
// raised indicator with its projected gain, the whole plan adding up to the simulated
// index. The Koordinator adds an external recommendation on indicator 1 for Diskominfo;
// Diskominfo's Admin OPD sees it on their list and on the indicator page and updates its
// status. The Pimpinan may simulate but not save; the Admin OPD cannot open the simulation.
import { type Page } from "@playwright/test";
import { expect, periodIdOf, test, type Agency } from "./fixtures";

test.describe.configure({ mode: "serial" });

let agency: Agency;
test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create({ label: "simulation" });
});

const PREDICATES = ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"];
const THRESHOLDS: Record<string, number> = { Cukup: 1.8, Baik: 2.6, "Sangat Baik": 3.5, Memuaskan: 4.2 };

/** "3,28" -> 3.28 */
const parseIndex = (text: string | null) => Number((text ?? "").trim().replace("+", "").replace(",", "."));

let periodId = "";
let simulatedIndex = "";

async function openSimulation(page: Page) {
  periodId = await periodIdOf(page, 2025);
  expect(periodId).toBe(agency.periodId);
  await page.goto(`/periode/${periodId}`);
  await page.getByRole("link", { name: "Simulasi target" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Simulasi target" })).toBeVisible();
}

test("the Koordinator sets a target, follows the fastest path to the next predicate and saves it as a plan", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await openSimulation(page);

  const now = (await page.getByTestId("sim-indeks-kini").textContent()) ?? "";
  await expect(page.getByTestId("sim-indeks-proyeksi")).toHaveText(now);
  await expect(page.getByTestId("sim-selisih")).toHaveText("+0,00");

  // One target: indicator 1 one level up (or to level 1 when unanswered).
  const target = page.getByLabel("Target indikator 1", { exact: true });
  const options = await target.locator("option").evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  const current = await target.inputValue();
  const next = options[options.indexOf(current) + 1];
  expect(next, "indicator 1 can be raised").toBeTruthy();
  await target.selectOption(next!);
  const rowGain = (await page.getByTestId("sim-baris-1").locator("td").nth(6).textContent()) ?? "";
  expect(rowGain).toMatch(/^\+0,\d{3}$/);
  await expect(page.getByTestId("sim-indeks-proyeksi")).not.toHaveText(now);
  expect(parseIndex(await page.getByTestId("sim-indeks-proyeksi").textContent())).toBeGreaterThan(parseIndex(now));
  expect(Math.abs(parseIndex(await page.getByTestId("sim-selisih").textContent()) - parseIndex(rowGain))).toBeLessThanOrEqual(0.005);
  await expect(page.getByTestId("rencana-jumlah")).toHaveText("1 indikator dengan target di atas tingkat saat ini.");

  // The fastest path to the next predicate, offered first.
  const predicate = (await page.getByTestId("sim-predikat-kini").textContent())?.trim() ?? "";
  const goal = PREDICATES[PREDICATES.indexOf(predicate) + 1]!;
  await expect(page.getByLabel("Tujuan", { exact: true })).toHaveValue(`predicate:${goal}`);
  await page.getByRole("button", { name: "Hitung jalur tercepat" }).click();
  const result = page.getByTestId("jalur-hasil");
  await expect(result).toContainText(`(${goal}). Target di tabel sudah disesuaikan.`);
  const steps = result.getByTestId("jalur-langkah");
  const stepCount = await steps.count();
  expect(stepCount).toBeGreaterThan(0);
  await expect(result).toContainText(`${stepCount} langkah menuju indeks`);
  // Ranked by gain: the first step gains at least as much as the last.
  const gainOf = async (index: number) => parseIndex(/\+(\d,\d{3})$/.exec((await steps.nth(index).textContent()) ?? "")?.[1] ?? "");
  expect(await gainOf(0)).toBeGreaterThanOrEqual(await gainOf(stepCount - 1));
  await expect(page.getByTestId("sim-predikat-proyeksi")).toHaveText(goal);
  simulatedIndex = (await page.getByTestId("sim-indeks-proyeksi").textContent()) ?? "";
  expect(parseIndex(simulatedIndex)).toBeGreaterThanOrEqual(THRESHOLDS[goal]!);
  const indicators = new Set((await steps.allTextContents()).map((text) => /^Indikator (\d+)/.exec(text)?.[1]));
  await expect(page.getByTestId("rencana-jumlah")).toHaveText(`${indicators.size} indikator dengan target di atas tingkat saat ini.`);

  const plan = page.locator("#rencana");
  await plan.getByLabel("Tenggat").fill("2026-06-30");
  await plan.getByLabel("Catatan untuk semua rekomendasi (opsional)").fill("Dibahas dalam rapat Tim Koordinasi SPBE.");
  await plan.getByRole("button", { name: "Simpan sebagai rencana" }).click();
  await expect(page.getByTestId("rencana-hasil")).toHaveText(`Rencana disimpan: ${indicators.size} rekomendasi baru.`);

  await page.getByRole("link", { name: "Lihat rekomendasi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rekomendasi" })).toBeVisible();
  const rows = page.getByTestId("rekomendasi-baris");
  await expect(rows).toHaveCount(indicators.size);
  for (const gain of await page.getByTestId("rekomendasi-kenaikan").allTextContents()) expect(gain.trim()).toMatch(/^\+\d,\d{3}$/);
  await expect(rows.first()).toContainText("Internal");
  await expect(rows.first()).toContainText("30 Juni 2026");
  await expect(rows.first()).toContainText("Dibahas dalam rapat Tim Koordinasi SPBE.");
  await expect(page.getByTestId("rekomendasi-ringkasan")).toContainText(`Indeks saat ini ${now}; bila semua rekomendasi terbuka di daftar ini selesai: ${simulatedIndex} (${goal}).`);
});

test("the Koordinator adds an external recommendation for indicator 1 and filters the list by source", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.goto(`/periode/${periodId}/rekomendasi`);
  await page.getByText("Tambah rekomendasi").click();
  const form = page.locator("#rekomendasi-baru");
  await form.getByLabel("Indikator").selectOption("1");
  await form.getByLabel("Sumber").selectOption("EXTERNAL");
  await form.getByLabel("Rekomendasi").fill("Lakukan reviu dan evaluasi kebijakan arsitektur SPBE.");
  // Indicator 1 has two owner units (Bagian Organisasi first); this one is for Diskominfo.
  await form.getByLabel("Unit pemilik").selectOption({ label: "Dinas Komunikasi dan Informatika" });
  await form.getByLabel("Target tingkat").selectOption("5");
  await form.getByRole("button", { name: "Simpan rekomendasi" }).click();
  await expect(page.getByTestId("rekomendasi-baru-hasil")).toHaveText("Rekomendasi untuk indikator 1 disimpan.");

  const filters = page.getByRole("form", { name: "Saring rekomendasi" });
  await filters.getByLabel("Sumber", { exact: true }).selectOption("EXTERNAL");
  await filters.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/source=EXTERNAL/);
  await expect(page.getByTestId("rekomendasi-baris")).toHaveCount(1);
  await expect(page.getByTestId("rekomendasi-baris")).toContainText("Asesor eksternal");
  await expect(page.getByTestId("rekomendasi-baris")).toContainText("Diskominfo");
});

test("Diskominfo's Admin OPD sees the recommendation for their unit, on the list and the indicator page, and updates its status", async ({ page }) => {
  await agency.signIn(page, "opd.diskominfo");
  const simulation = await page.goto(`/periode/${periodId}/simulasi`);
  expect(simulation?.status()).toBe(404);

  await page.goto(`/periode/${periodId}/rekomendasi`);
  const external = page.getByTestId("rekomendasi-baris").filter({ hasText: "Lakukan reviu dan evaluasi kebijakan arsitektur SPBE." });
  await expect(external).toHaveCount(1);
  await external.getByLabel("Status (Indikator 1)").selectOption("IN_PROGRESS");
  await external.getByRole("button", { name: "Perbarui status" }).click();
  await expect(external.getByTestId("rekomendasi-status")).toHaveText("Sedang dikerjakan");

  await page.goto(`/periode/${periodId}/indikator/1`);
  await expect(page.getByTestId("rekomendasi-periode-ini")).toContainText("Lakukan reviu dan evaluasi kebijakan arsitektur SPBE.");
  await expect(page.getByTestId("rekomendasi-periode-ini")).toContainText("Sedang dikerjakan");
});

test("the Pimpinan may simulate and compute the fastest path, but not save a plan", async ({ page }) => {
  await agency.signIn(page, "pimpinan");
  await openSimulation(page);
  await expect(page.getByTestId("simulasi-baca-saja")).toBeVisible();
  await page.getByRole("button", { name: "Hitung jalur tercepat" }).click();
  await expect(page.getByTestId("jalur-hasil")).toBeVisible();
  await expect(page.getByRole("button", { name: "Simpan sebagai rencana" })).toHaveCount(0);
  await expect(page.getByTestId("rencana-jumlah")).toHaveCount(0);
});
