// Every role signs in, sees who they act as and only their own agency's numbers, and
// signs out. Wrong passwords get one neutral message; repeated failures are throttled.
// Every test signs in to agencies of its own (tests/e2e/fixtures).
import { expect, periodIdOf, signIn, SUPERADMIN_EMAIL, test, type AgencyPerson, type AgencyTemplate } from "./fixtures";

const journeys: { person: AgencyPerson; template: AgencyTemplate; role: string; unit?: string }[] = [
  { person: "koordinator", template: "kab-sukamaju", role: "Koordinator SPBE" },
  { person: "asesor", template: "kab-sukamaju", role: "Asesor internal" },
  { person: "opd.diskominfo", template: "kab-sukamaju", role: "Admin OPD", unit: "Dinas Komunikasi dan Informatika" },
  { person: "pimpinan", template: "kota-tirtamulya", role: "Pimpinan" },
];

for (const journey of journeys) {
  test(`${journey.role} (${journey.person} of a copy of ${journey.template}) signs in, sees their own agency and signs out`, async ({ page, agencies }) => {
    const agency = await agencies.create({ template: journey.template, label: "auth" });
    await agency.signIn(page, journey.person);
    await expect(page).toHaveURL(/\/dasbor$/);
    await expect(page.getByTestId("peran-aktif")).toContainText(journey.role);
    await expect(page.getByTestId("peran-aktif")).toContainText(journey.unit ? `${agency.name} · ${journey.unit}` : agency.name);
    await expect(page.getByTestId("indeks-mandiri")).toHaveText(/^\d,\d\d$/);
    // Only their own agency: no list of all agencies.
    await expect(page.getByRole("heading", { name: "Instansi" })).toHaveCount(0);

    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/masuk/);
    await page.goto("/dasbor");
    await expect(page).toHaveURL(/\/masuk\?kembali=%2Fdasbor/);
  });
}

test("the two agencies see different numbers", async ({ browser, agencies }) => {
  const sukamaju = await agencies.create({ template: "kab-sukamaju", label: "auth" });
  const tirtamulya = await agencies.create({ template: "kota-tirtamulya", label: "auth" });
  const indexOf = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    const text = await page.getByTestId("indeks-mandiri").textContent();
    await context.close();
    return text;
  };
  expect(await indexOf(sukamaju.email("pimpinan"))).not.toBe(await indexOf(tirtamulya.email("pimpinan")));
});

test("the superadmin sees every agency", async ({ page }) => {
  // The two demo agencies themselves, which no spec changes.
  await signIn(page, SUPERADMIN_EMAIL);
  await expect(page.getByTestId("peran-aktif")).toContainText("Superadmin");
  await expect(page.getByRole("cell", { name: "Pemerintah Kabupaten Sukamaju", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Pemerintah Kota Tirtamulya", exact: true })).toBeVisible();
});

test("a wrong password and an unknown email get the same neutral message", async ({ page, agencies }) => {
  const agency = await agencies.create({ template: "kota-tirtamulya", label: "auth" });
  await agency.signIn(page, "asesor", "salah-sekali-123");
  const wrongPassword = await page.getByTestId("galat-masuk").textContent();
  await signIn(page, `tidak.ada@${agency.emailDomain}`, "salah-sekali-123");
  await expect(page.getByTestId("galat-masuk")).toHaveText(wrongPassword ?? "");
  await expect(page).toHaveURL(/\/masuk/);
});

test("the form explains empty fields in Bahasa Indonesia", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByText("Masukkan alamat email yang valid.")).toBeVisible();
  await expect(page.getByText("Masukkan kata sandi.")).toBeVisible();
});

test("after 5 failed attempts an account is throttled, even with the right password", async ({ page, agencies }) => {
  // An account of this test's own agency: the lock lasts 15 minutes.
  const email = (await agencies.create({ template: "kota-tirtamulya", label: "auth" })).email("pimpinan");
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, email, `keliru-${attempt}-xyz`);
    await expect(page.getByTestId("galat-masuk")).toContainText("salah");
  }
  await signIn(page, email);
  await expect(page.getByTestId("galat-masuk")).toContainText("Terlalu banyak percobaan");
  await expect(page).toHaveURL(/\/masuk/);
});

test("a session cookie copied before signing out opens nothing afterwards, in another browser either", async ({ page, browser, agencies }) => {
  const agency = await agencies.create({ template: "kota-tirtamulya", label: "auth" });
  await agency.signIn(page, "asesor");
  await expect(page).toHaveURL(/\/dasbor$/);
  const periodId = await periodIdOf(page, 2025);
  expect(periodId).toBe(agency.periodId);
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

  // The copy works while the session lives (the control) ...
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dasbor");
  await expect(stolen).toHaveURL(/\/dasbor$/);
  expect((await thief.request.get(`/periode/${periodId}/hasil.json`, { maxRedirects: 0 })).status()).toBe(200);

  // ... and no more once its owner signed out.
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await stolen.goto("/dasbor");
  await expect(stolen).toHaveURL(/\/masuk\?kembali=%2Fdasbor/);
  const results = await thief.request.get(`/periode/${periodId}/hasil.json`, { maxRedirects: 0 });
  // Anonymous now: sent to sign in, never the results.
  expect(results.status()).toBe(307);
  expect(results.headers()["location"]).toMatch(/\/masuk/);
  await thief.close();
});

test("signing out of all devices on the account page ends the other browsers' sessions too", async ({ page, browser, agency }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await agency.signIn(otherPage, "pimpinan");
  await expect(otherPage).toHaveURL(/\/dasbor$/);

  await agency.signIn(page, "pimpinan");
  await page.goto("/akun/kata-sandi");
  await page.getByRole("button", { name: "Keluar dari semua perangkat" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await otherPage.goto("/dasbor");
  await expect(otherPage).toHaveURL(/\/masuk\?kembali=%2Fdasbor/);
  await other.close();
});
