// A visitor without an account opens the Index Calculator from the home page, picks
// levels, and sees the index, predicate and domain indices update live: the same numbers
// the public score API gives for the same levels.
import { expect, test } from "@playwright/test";

test("home page links to the calculator", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Penilaian mandiri Indeks Pemerintah Digital dan Indeks SPBE");
  await page.getByRole("link", { name: "Buka Kalkulator Indeks" }).click();
  await expect(page).toHaveURL(/\/kalkulator$/);
  await expect(page.getByRole("heading", { name: "Kalkulator Indeks", level: 1 })).toBeVisible();
});

test("choosing levels updates the index live and matches the API", async ({ page, request }) => {
  await page.goto("/kalkulator?kerangka=spbe-2020");
  await expect(page.getByTestId("indeks")).toHaveText("0,00");
  await expect(page.getByTestId("predikat")).toHaveText("Kurang");

  // Criteria text of each level is visible next to its choice.
  const first = page.locator('[data-indicator="1"]');
  await expect(first.getByText("Tingkat 3 · Terdefinisi")).toBeVisible();
  await expect(first.getByText(/Kriteria tingkat 2 telah terpenuhi/)).toBeVisible();

  await page.getByRole("button", { name: "3", exact: true }).click();
  await expect(page.getByTestId("indeks")).toHaveText("3,00");
  await expect(page.getByTestId("predikat")).toHaveText("Baik");
  await expect(page.getByTestId("kelengkapan")).toHaveText("47 dari 47 indikator diisi");

  // Raise indicator 47 (weight 3) to 5 and indicator 1 (weight 1.3) to 1.
  await page.locator('[data-indicator="47"]').getByText("Tingkat 5 · Optimum").click();
  await first.getByText("Tingkat 1 · Rintisan").click();
  const values: Record<string, number> = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 3]));
  values["47"] = 5;
  values["1"] = 1;

  const response = await request.post("/api/v1/frameworks/spbe-2020/score", { data: { values } });
  expect(response.ok()).toBe(true);
  const api = (await response.json()) as { index: number; indexExact: string; predicate: string; nodes: { code: string; index: number }[] };
  expect(api.indexExact).toBe("3.034"); // (141 + 6 - 2.6) / 100

  await expect(page.getByTestId("indeks")).toHaveText(api.index.toFixed(2).replace(".", ","));
  await expect(page.getByTestId("indeks-eksak")).toHaveText(api.indexExact.replace(".", ","));
  await expect(page.getByTestId("predikat")).toHaveText(api.predicate);
  for (const node of api.nodes) {
    await expect(page.getByTestId(`indeks-${node.code}`)).toHaveText(node.index.toFixed(2).replace(".", ","));
  }

  // The calculation trail shows value x weight per indicator and the total.
  await page.getByText("Jejak perhitungan").click();
  await expect(page.getByRole("row", { name: /^47\. .* 5 3 15$/ })).toBeVisible();

  // Choices survive a reload.
  await page.reload();
  await expect(page.getByTestId("indeks-eksak")).toHaveText("3,034");
});

test("an unanswered spbe-2020 indicator counts 0 and the index is marked incomplete", async ({ page }) => {
  await page.goto("/kalkulator?kerangka=spbe-2020");
  await page.getByRole("button", { name: "4", exact: true }).click();
  await page.locator('[data-indicator="32"]').getByText("Belum diisi").click();
  await expect(page.getByTestId("kelengkapan")).toHaveText("46 dari 47 indikator diisi");
  await expect(page.getByTestId("indeks-belum-lengkap")).toHaveText("Indeks belum lengkap: indikator yang belum diisi dihitung 0.");
  // 4 x (100 - 2.75) / 100
  await expect(page.getByTestId("indeks-eksak")).toHaveText("3,89");
});

test("the calculator opens on the framework in force this year: pemdi-2026, with real criteria marked as such", async ({ page }) => {
  await page.goto("/kalkulator");
  const note = page.getByTestId("status-kerangka");
  await expect(note).toContainText("Kerangka sementara");
  await expect(note).toContainText("Peraturan Menteri PANRB Nomor 8 Tahun 2026");
  const first = page.locator('[data-indicator="1"]');
  await expect(first).toContainText("Tata kelola Pemdi adalah kerangka kerja");
  await expect(first.getByText("Tingkat 2 · Membangun:")).toBeVisible();
  // Level 2 of I1 is a secondary summary: it says so.
  await expect(first.getByTestId("tanda-kriteria").first()).toHaveText("Ringkasan, belum teks resmi");
  await expect(first).not.toContainText("Deskripsi umum sementara");
  // Nothing answered: every indicator counts the floor 1.
  await expect(page.getByTestId("indeks")).toHaveText("1,00");
  await expect(page.getByTestId("indeks-belum-lengkap")).toHaveText("Indeks belum lengkap: indikator yang belum diisi dihitung 1.");
});

test("pemdi-2026 takes decimal values; switching framework starts from empty values", async ({ page }) => {
  await page.goto("/kalkulator?kerangka=spbe-2020");
  await page.getByRole("button", { name: "4", exact: true }).click();
  await expect(page.getByTestId("indeks")).toHaveText("4,00");
  await page.getByRole("navigation", { name: "Kerangka" }).getByRole("link", { name: /Indeks Pemerintah Digital/ }).click();
  await expect(page).toHaveURL(/kerangka=pemdi-2026/);
  await expect(page.getByTestId("indeks")).toHaveText("1,00");
  await expect(page.getByTestId("kelengkapan")).toHaveText("0 dari 20 indikator diisi");
  const input = page.getByLabel("Nilai (1-5, boleh desimal)").first();
  await input.fill("4,5");
  await expect(page.getByTestId("kelengkapan")).toHaveText("1 dari 20 indikator diisi");
  // I1 weight 5: 1 + 3.5 x 5 / 100
  await expect(page.getByTestId("indeks-eksak")).toHaveText("1,175");
  await input.fill("7");
  await expect(page.getByText("Nilai harus angka antara 1 dan 5.")).toBeVisible();
});
