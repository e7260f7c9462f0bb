// The dashboard of every role on the demo data, each test in an agency of its own (a copy of
// the demo Kabupaten Sukamaju, tests/e2e/fixtures). The Pimpinan's numbers are checked against
// the public score API, fed with the levels the indicator list shows: a wrong query, a
// wrong stage or a wrong sum on the dashboard makes the two disagree.
import { type Page } from "@playwright/test";
import { fill } from "@/lib/i18n/format";
import { admin } from "@/lib/i18n/id/admin";
import { dashboard } from "@/lib/i18n/id/dashboard";
import { expect, signIn, SUPERADMIN_EMAIL, test } from "./fixtures";

const format = (index: number) => index.toFixed(2).replace(".", ",");

/** The self-assessment levels as the period's indicator list shows them: number -> level. */
async function listedLevels(page: Page): Promise<Record<string, number>> {
  await page.getByTestId("tautan-indikator").click();
  await expect(page.getByTestId("jumlah-indikator")).toHaveText("47 indikator");
  const values: Record<string, number> = {};
  for (const row of await page.locator('tr[data-testid^="indikator-"]').all()) {
    const cells = await row.locator("td").allTextContents();
    const level = cells[4]!.trim();
    if (level !== "-") values[cells[0]!.trim()] = Number(level.replace(",", "."));
  }
  return values;
}

/** A figure's data table as rows of cell texts, first column as key. */
async function tableOf(page: Page, testId: string): Promise<Map<string, string[]>> {
  const rows = await page.getByTestId(`${testId}-tabel`).locator("tbody tr").all();
  const entries = await Promise.all(rows.map(async (row) => (await row.locator("th, td").allTextContents()).map((text) => text.trim())));
  return new Map(entries.map(([key, ...cells]) => [key!, cells]));
}

test("the Pimpinan sees the dashboard with correct numbers for the demo data (cross-checked against the API)", async ({ page, agency }) => {
  await agency.signIn(page, "pimpinan");
  await expect(page.getByTestId("peran-aktif")).toContainText("Pimpinan");
  const selfIndex = (await page.getByTestId("indeks-mandiri").textContent())!;
  // The index and its predicate badge.
  const selfCard = (await page.getByTestId("indeks-mandiri").locator("..").textContent())!;
  const domains = await tableOf(page, "radar-domain");
  const aspects = await tableOf(page, "batang-aspek");
  const trend = await tableOf(page, "tren-indeks");
  // The charts themselves load after the page and draw into an SVG.
  await expect(page.getByTestId("radar-domain").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("tren-indeks").locator("svg.recharts-surface").first()).toBeVisible();

  const response = await page.request.post("/api/v1/frameworks/spbe-2020/score", { data: { values: await listedLevels(page), predicateBasis: "exact" } });
  expect(response.ok(), await response.text()).toBe(true);
  const score = (await response.json()) as { index: number; predicate: string; nodes: { code: string; name: string; kind: string; index: number }[] };

  expect(selfIndex).toBe(format(score.index));
  expect(selfCard).toBe(`${selfIndex}${score.predicate}`);
  for (const node of score.nodes) {
    const table = node.kind === "domain" ? domains : aspects;
    // Columns: self, verified (and final once recorded).
    expect(table.get(`${node.code} ${node.name}`)?.[0], node.code).toBe(format(node.index));
  }
  expect(domains.size).toBe(4);
  expect(aspects.size).toBe(8);

  // Official results of 2021-2024 with the national averages of those years; 2025 is this portal's period.
  // Columns: framework, index, source, national average of the same framework.
  expect(trend.get("2024")).toEqual(["Indeks SPBE", expect.stringMatching(/^\d,\d\d$/), "Hasil resmi KemenPANRB", "3,12"]);
  expect(trend.get("2021")?.[3]).toBe("2,24");
  expect(trend.get("2025")).toEqual(["Indeks SPBE", selfIndex, "Penilaian mandiri", "-"]);
});

test("the Pimpinan follows a gap to its indicator", async ({ page, agency }) => {
  await agency.signIn(page, "pimpinan");
  const gap = page.getByTestId("kesenjangan").getByRole("listitem").first();
  await expect(gap).toContainText(/\+\d,\d\d indeks/);
  const name = (await gap.getByRole("link").textContent())!;
  await gap.getByRole("link").click();
  await expect(page).toHaveURL(/\/periode\/[^/]+\/indikator\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name.replace(/^\d+\. /, ""));
});

test("the Koordinator sees the same dashboard with the period's work links", async ({ page, agency }) => {
  await agency.signIn(page, "koordinator");
  await expect(page.getByTestId("radar-domain")).toBeVisible();
  await expect(page.getByTestId("indeks-akhir-kosong")).toHaveText(dashboard.lead.noFinal);
  await expect(page.getByTestId("kelengkapan-unit")).toContainText("Dinas Komunikasi dan Informatika");
  await expect(page.getByTestId("tautan-penugasan")).toBeVisible();
});

test("the Asesor sees the verification queue as the queue page counts it, and no leadership charts", async ({ page, agency }) => {
  await agency.signIn(page, "asesor");
  const queue = (await page.getByTestId("antrean-verifikasi").textContent())!;
  await expect(page.getByTestId("tunggu-terlama")).toHaveText(/^\d+ hari$/);
  await expect(page.getByRole("heading", { name: "Selisih tingkat mandiri dan terverifikasi" })).toBeVisible();
  await expect(page.getByTestId("radar-domain")).toHaveCount(0);
  await page.getByTestId("tautan-verifikasi").click();
  await expect(page.getByTestId("jumlah-indikator")).toHaveText(`${queue} indikator`);
});

test("the Admin OPD sees their own indicators and what they add to the index", async ({ page, agency }) => {
  await agency.signIn(page, "opd.diskominfo");
  await expect(page.getByTestId("sumbangan-mandiri")).toHaveText(/^\+\d,\d\d$/);
  await expect(page.getByTestId("potensi-terbuka")).toHaveText(/^\+\d,\d\d$/);
  await expect(page.getByTestId("radar-domain")).toHaveCount(0);
  const mine = await page.getByTestId("indikator-saya").locator("tbody tr").count();
  expect(mine).toBeGreaterThan(0);
  await page.getByTestId("tautan-indikator").click();
  await expect(page.getByTestId("jumlah-indikator")).toHaveText(`${mine} indikator`);
});

// The national view holds every agency of the portal, and other specs add agencies while this
// one runs: the checks compare numbers within one page, never with a count fixed in advance.
test("the superadmin sorts all agencies on the server and sees the anonymised comparison", async ({ page }) => {
  await signIn(page, SUPERADMIN_EMAIL);
  const table = page.getByTestId("tabel-instansi");
  await expect(table.getByRole("cell", { name: "Pemerintah Kabupaten Sukamaju", exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: "Pemerintah Kota Tirtamulya", exact: true })).toBeVisible();

  await page.getByTestId("urut-mandiri").click();
  await expect(page).toHaveURL(/\?urut=mandiri&arah=turun$/);
  await expect(page.getByRole("columnheader", { name: /Mandiri/ })).toHaveAttribute("aria-sort", "descending");
  // Agencies without a period (no index) stay last in both directions.
  const indicesOf = async () => (await table.locator('td[data-kolom="mandiri"]').allTextContents()).filter((text) => text !== "-").map((text) => Number(text.replace(",", ".")));
  const indices = await indicesOf();
  expect(indices.length).toBeGreaterThanOrEqual(2);
  expect(indices).toEqual([...indices].sort((a, b) => b - a));
  await page.getByTestId("urut-mandiri").click();
  await expect(page).toHaveURL(/\?urut=mandiri&arah=naik$/);
  await expect(page.getByRole("columnheader", { name: /Mandiri/ })).toHaveAttribute("aria-sort", "ascending");
  // The same agencies the other way round; an agency added in between may join them.
  const ascending = await indicesOf();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  const remaining = [...ascending];
  for (const value of indices) {
    const at = remaining.indexOf(value);
    expect(at, `index ${value} of the descending list`).toBeGreaterThanOrEqual(0);
    remaining.splice(at, 1);
  }

  // Per kind, the comparison counts the agencies the table lists with an index (over all frameworks).
  const kinds = admin.agencies.kinds;
  const countsOf = async (kind: string) =>
    (await page.locator(`tr[data-testid^="perbandingan-"][data-testid$="-${kind}"]`).evaluateAll((rows) => rows.map((row) => Number(row.querySelector("td")?.textContent))))
      .reduce((sum, count) => sum + count, 0);
  const rows = await table.locator("tbody tr").evaluateAll((cells) =>
    cells.map((row) => ({ kind: row.children[1]?.textContent ?? "", self: row.querySelector('td[data-kolom="mandiri"]')?.textContent ?? "-" })),
  );
  for (const kind of ["KABUPATEN", "KOTA"]) {
    expect(await countsOf(kind), kind).toBe(rows.filter((row) => row.kind === kinds[kind] && row.self !== "-").length);
  }
  const regencies = page.getByTestId("perbandingan-spbe-2020-KABUPATEN");
  expect(Number(await regencies.locator("td").first().textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("perbandingan-jenis-spbe-2020")).not.toContainText("Sukamaju");
  const spbeAgencies = (await page.locator('tr[data-testid^="perbandingan-spbe-2020-"]').evaluateAll((cells) => cells.map((row) => Number(row.querySelector("td")?.textContent)))).reduce((sum, count) => sum + count, 0);
  const withoutPeriod = rows.filter((row) => row.self === "-").length;
  await expect(page.getByTestId("sebaran-indeks-spbe-2020-ringkasan")).toContainText(fill(dashboard.all.distributionSummary, { count: spbeAgencies, none: withoutPeriod }));
  await expect(page.getByTestId("sebaran-indeks-spbe-2020").locator("svg.recharts-surface").first()).toBeVisible();
});
