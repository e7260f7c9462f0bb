// Every role signs in, sees who they act as and only their own agency's numbers, and
// signs out. Wrong passwords get one neutral message; repeated failures are throttled.
import { expect, test } from "@playwright/test";
import { periodIdOf, signIn } from "./support";

const journeys = [
  { email: "koordinator@sukamaju.spbe.demo", role: "Koordinator SPBE", where: "Pemerintah Kabupaten Sukamaju" },
  { email: "asesor@sukamaju.spbe.demo", role: "Asesor internal", where: "Pemerintah Kabupaten Sukamaju" },
  { email: "opd.diskominfo@sukamaju.spbe.demo", role: "Admin OPD", where: "Pemerintah Kabupaten Sukamaju · Dinas Komunikasi dan Informatika" },
  { email: "pimpinan@tirtamulya.spbe.demo", role: "Pimpinan", where: "Pemerintah Kota Tirtamulya" },
];

for (const journey of journeys) {
  test(`${journey.role} (${journey.email}) signs in, sees their own agency and signs out`, async ({ page }) => {
    await signIn(page, journey.email);
    await expect(page).toHaveURL(/\/dasbor$/);
    await expect(page.getByTestId("peran-aktif")).toContainText(journey.role);
    await expect(page.getByTestId("peran-aktif")).toContainText(journey.where);
    await expect(page.getByTestId("indeks-mandiri")).toHaveText(/^\d,\d\d$/);
    // Only their own agency: no list of all agencies.
    await expect(page.getByRole("heading", { name: "Instansi" })).toHaveCount(0);

    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/masuk/);
    await page.goto("/dasbor");
    await expect(page).toHaveURL(/\/masuk\?kembali=%2Fdasbor/);
  });
}

test("the two agencies see different numbers", async ({ browser }) => {
  const indexOf = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    const text = await page.getByTestId("indeks-mandiri").textContent();
    await context.close();
    return text;
  };
  expect(await indexOf("pimpinan@sukamaju.spbe.demo")).not.toBe(await indexOf("pimpinan@tirtamulya.spbe.demo"));
});

test("the superadmin sees every agency", async ({ page }) => {
  await signIn(page, "superadmin@spbe.demo");
  await expect(page.getByTestId("peran-aktif")).toContainText("Superadmin");
  await expect(page.getByRole("cell", { name: "Pemerintah Kabupaten Sukamaju" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Pemerintah Kota Tirtamulya" })).toBeVisible();
});

test("a wrong password and an unknown email get the same neutral message", async ({ page }) => {
  await signIn(page, "asesor@tirtamulya.spbe.demo", "salah-sekali-123");
  const wrongPassword = await page.getByTestId("galat-masuk").textContent();
  await signIn(page, "tidak.ada@tirtamulya.spbe.demo", "salah-sekali-123");
  await expect(page.getByTestId("galat-masuk")).toHaveText(wrongPassword ?? "");
  await expect(page).toHaveURL(/\/masuk/);
});

test("the form explains empty fields in Bahasa Indonesia", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByText("Masukkan alamat email yang valid.")).toBeVisible();
  await expect(page.getByText("Masukkan kata sandi.")).toBeVisible();
});

test("after 5 failed attempts an account is throttled, even with the right password", async ({ page }) => {
  // An account no later journey signs in with: the lock lasts 15 minutes.
  const email = "pimpinan@tirtamulya.spbe.demo";
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, email, `keliru-${attempt}-xyz`);
    await expect(page.getByTestId("galat-masuk")).toContainText("salah");
  }
  await signIn(page, email);
  await expect(page.getByTestId("galat-masuk")).toContainText("Terlalu banyak percobaan");
  await expect(page).toHaveURL(/\/masuk/);
});

test("a session cookie copied before signing out opens nothing afterwards, in another browser either", async ({ page, browser }) => {
  await signIn(page, "asesor@tirtamulya.spbe.demo");
  await expect(page).toHaveURL(/\/dasbor$/);
  const periodId = await periodIdOf(page, 2025);
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

test("signing out of all devices on the account page ends the other browsers' sessions too", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "pimpinan@sukamaju.spbe.demo");
  await expect(otherPage).toHaveURL(/\/dasbor$/);

  await signIn(page, "pimpinan@sukamaju.spbe.demo");
  await page.goto("/akun/kata-sandi");
  await page.getByRole("button", { name: "Keluar dari semua perangkat" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await otherPage.goto("/dasbor");
  await expect(otherPage).toHaveURL(/\/masuk\?kembali=%2Fdasbor/);
  await other.close();
});
