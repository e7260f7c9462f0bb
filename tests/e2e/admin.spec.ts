// The Koordinator runs their agency: a new unit, a new person with a one-time password
// who must choose their own, a deactivation that ends that person's session at once,
// and every step in the audit trail. The superadmin adds an agency with its Koordinator.
// The Koordinator's agency is this spec's own (tests/e2e/fixtures).
import { randomBytes } from "node:crypto";
import { expect, SUPERADMIN_EMAIL, signIn, test, type Agency } from "./fixtures";

test.describe.configure({ mode: "serial" });

const NEW_PASSWORD = "kopi-tubruk-di-teras-pagi";
let agency: Agency;
let NEW_EMAIL = "";
let temporaryPassword = "";

test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create({ label: "admin" });
  NEW_EMAIL = `siti.aminah@${agency.emailDomain}`;
});

test("the Koordinator adds a unit, with field errors in Bahasa Indonesia first", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.getByRole("link", { name: "Administrasi" }).click();
  await expect(page).toHaveURL(/\/admin\/unit$/);

  await page.locator("summary", { hasText: "Tambah unit kerja" }).click();
  const form = page.locator("#unit-baru");
  await form.getByLabel("Kode").fill("Dinas Kesehatan");
  await form.getByLabel("Nama unit").fill("Di");
  await form.getByRole("button", { name: "Tambah unit kerja" }).click();
  await expect(form.getByText("Kode hanya boleh berisi huruf kecil")).toBeVisible();
  await expect(form.getByText("Nama unit 3-200 karakter.")).toBeVisible();
  await expect(form.getByLabel("Kode")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Kode").fill("dinkes");
  await form.getByLabel("Nama unit").fill("Dinas Kesehatan");
  await form.getByLabel("layanan-publik").check();
  await form.getByRole("button", { name: "Tambah unit kerja" }).click();
  await expect(page.getByTestId("unit-baru-hasil")).toContainText("Unit Dinas Kesehatan ditambahkan.");
  await expect(page.getByTestId("unit-dinkes")).toContainText("layanan-publik");

  // The server has the last word: the same code again is refused on its field.
  await form.getByLabel("Kode").fill("dinkes");
  await form.getByLabel("Nama unit").fill("Dinas Kesehatan Kedua");
  await form.getByRole("button", { name: "Tambah unit kerja" }).click();
  await expect(form.getByText("Kode unit ini sudah dipakai di instansi Anda.")).toBeVisible();
  await expect(form.getByLabel("Nama unit")).toHaveValue("Dinas Kesehatan Kedua");
});

test("the Koordinator creates an Admin OPD account and gets a one-time password", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.goto("/admin/pengguna");
  await page.locator("summary", { hasText: "Tambah pengguna" }).click();
  const form = page.locator("#pengguna-baru");
  await form.getByLabel("Nama lengkap").fill("Siti Aminah, S.KM.");
  await form.getByLabel("Email").fill(NEW_EMAIL);
  await form.getByLabel("Peran").selectOption("ADMIN_OPD");
  await form.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(form.getByText("Admin OPD harus punya unit kerja.")).toBeVisible();
  await form.getByLabel("Unit kerja").selectOption({ label: "Dinas Kesehatan" });
  await form.getByRole("button", { name: "Tambah pengguna" }).click();
  await expect(page.getByTestId("pengguna-baru-hasil")).toContainText(`Akun ${NEW_EMAIL} dibuat.`);
  temporaryPassword = (await page.getByTestId("pengguna-baru-temporaryPassword").textContent()) ?? "";
  expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  await expect(page.getByTestId(`pengguna-${NEW_EMAIL}`)).toContainText("Admin OPD · Dinas Kesehatan");
});

test("the new person must replace the temporary password; the policy refuses a common one", async ({ page }) => {
  await signIn(page, NEW_EMAIL, temporaryPassword);
  await expect(page).toHaveURL(/\/akun\/kata-sandi/);
  await expect(page.getByText("Anda masuk dengan kata sandi sementara.")).toBeVisible();
  await page.goto("/dasbor");
  await expect(page).toHaveURL(/\/akun\/kata-sandi/);

  const form = page.locator("#ganti-sandi");
  await form.getByLabel("Kata sandi saat ini").fill(temporaryPassword);
  await form.getByLabel("Kata sandi baru", { exact: true }).fill("Indonesia2026!");
  await form.getByLabel("Ulangi kata sandi baru").fill("Indonesia2026!");
  await form.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(form.getByText("Kata sandi ini terlalu umum. Pilih yang lain.")).toBeVisible();

  await form.getByLabel("Kata sandi baru", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Ulangi kata sandi baru").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByTestId("ganti-sandi-hasil")).toContainText("Kata sandi diganti.");
  // This browser stays signed in with the new password.
  await page.goto("/dasbor");
  await expect(page.getByTestId("peran-aktif")).toContainText("Admin OPD");
  await expect(page.getByTestId("peran-aktif")).toContainText("Dinas Kesehatan");
});

test("deactivating a person ends their open session at once", async ({ browser }) => {
  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await signIn(person, NEW_EMAIL, NEW_PASSWORD);
  await expect(person).toHaveURL(/\/dasbor$/);

  const koordinatorContext = await browser.newContext();
  const koordinator = await koordinatorContext.newPage();
  await agency.signIn(koordinator, "koordinator");
  await koordinator.goto(`/admin/pengguna?q=${encodeURIComponent("siti")}`);
  koordinator.once("dialog", (dialog) => dialog.accept());
  await koordinator.getByTestId(`pengguna-${NEW_EMAIL}`).getByRole("button", { name: "Nonaktifkan" }).click();
  await expect(koordinator.getByTestId(`pengguna-${NEW_EMAIL}`)).toContainText("Nonaktif");

  await person.reload();
  await expect(person).toHaveURL(/\/masuk/);
  await signIn(person, NEW_EMAIL, NEW_PASSWORD);
  await expect(person.getByTestId("galat-masuk")).toBeVisible();

  // Every step is in the audit trail, and in its CSV export.
  await koordinator.goto("/admin/audit");
  for (const action of ["unit.create", "user.create", "user.change-password", "user.deactivate"]) {
    await expect(koordinator.getByTestId("audit-baris").filter({ hasText: action }).first()).toBeVisible();
  }
  const download = await koordinator.request.get("/admin/audit/unduh");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  const csv = await download.text();
  expect(csv).toContain("user.deactivate");
  expect(csv).toContain(NEW_EMAIL);
  await personContext.close();
  await koordinatorContext.close();
});

test("the superadmin adds an agency together with its Koordinator", async ({ page }) => {
  await signIn(page, SUPERADMIN_EMAIL);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/instansi$/);
  await page.locator("summary", { hasText: "Tambah instansi" }).click();
  const form = page.locator("#instansi-baru");
  // Unique per run, so the spec can run again (or beside itself) on the same portal.
  const tag = randomBytes(3).toString("hex");
  const code = `kab-lembahhijau-${tag}`;
  const email = `koordinator@lembahhijau-${tag}.go.id`;
  await form.getByLabel("Kode").fill(code);
  await form.getByLabel("Nama instansi").fill("Pemerintah Kabupaten Lembah Hijau");
  await form.getByLabel("Jenis").selectOption("KABUPATEN");
  await form.getByLabel("Nama Koordinator SPBE").fill("Budi Santoso");
  await form.getByLabel("Email Koordinator SPBE").fill(email);
  await form.getByRole("button", { name: "Tambah instansi" }).click();
  await expect(page.getByTestId("instansi-baru-hasil")).toContainText("Pemerintah Kabupaten Lembah Hijau");
  await expect(page.getByTestId("instansi-baru-temporaryPassword")).toHaveText(/^\w{4}-\w{4}-\w{4}$/);
  await expect(page.getByTestId(`instansi-${code}`)).toContainText(email);
});

test("the Koordinator sets the agency's time zone to WIT; times on the audit trail show WIT, then back to WIB", async ({ page }) => {
  await agency.signIn(page, "koordinator");
  await page.goto("/admin/unit");
  const form = page.locator("#zona-waktu");
  await form.getByLabel("Zona waktu instansi").selectOption("WIT");
  await form.getByRole("button", { name: "Simpan zona waktu" }).click();
  await expect(page.getByTestId("zona-waktu-hasil")).toContainText("Zona waktu instansi menjadi WIT.");
  await page.goto("/admin/audit");
  await expect(page.locator("time").first()).toContainText("WIT");

  await page.goto("/admin/unit");
  await expect(form.getByLabel("Zona waktu instansi")).toHaveValue("WIT");
  await form.getByLabel("Zona waktu instansi").selectOption("WIB");
  await form.getByRole("button", { name: "Simpan zona waktu" }).click();
  await expect(page.getByTestId("zona-waktu-hasil")).toContainText("Zona waktu instansi menjadi WIB.");
});
