// Bahasa Indonesia by default; the whole interface in English behind the switch, server
// messages included.
import { messages } from "@/lib/i18n/messages";
import { expect, test } from "./fixtures";

test("the reader switches to English and back", async ({ page }) => {
  await page.goto("/kalkulator");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/kalkulator$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Index Calculator" })).toBeVisible();
  await expect(page).toHaveTitle("Index Calculator · SPBE Mandiri");

  await page.goto("/masuk");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();

  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("button", { name: "Masuk", exact: true })).toBeVisible();
});

test("messages made on the server follow the reader's language", async ({ page, agency }) => {
  await agency.signIn(page, "koordinator");
  await page.goto("/admin/unit");
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("summary", { hasText: "Add unit" }).click();
  const form = page.locator("#unit-baru");
  await form.getByLabel("Code").fill("bappeda");
  await form.getByLabel("Unit name").fill("Badan Perencanaan Kedua");
  await form.getByRole("button", { name: "Add unit" }).click();
  await expect(form.getByText("This unit code is already used in your agency.")).toBeVisible();
  await expect(page.getByTestId("unit-baru-hasil")).toContainText("Please check the marked fields.");
  // The browser checks in English too: the schema carries keys, the catalog comes with it.
  await form.getByLabel("Code").fill("Kode Salah!");
  await form.getByRole("button", { name: "Add unit" }).click();
  await expect(form.getByText(messages.en.admin.units.codeInvalid)).toBeVisible();
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page).toHaveTitle(`${messages.id.titles.units} · SPBE Mandiri`);
});
