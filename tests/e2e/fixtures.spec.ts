// The fixtures every other spec stands on: an agency of its own is a full copy of the demo
// agency under its own name and people, invisible to another fixture agency, and a command
// run through the fixture is a real command (validated, audited) that the portal then shows.
import { AppError } from "@/lib/errors";
import { expect, test } from "./fixtures";

test("a fixture agency has the demo agency's period and people, and sees no other fixture agency", async ({ page, agency, agencies }) => {
  const other = await agencies.create({ label: "fixtures" });
  expect(other.code).not.toBe(agency.code);
  expect(other.email("koordinator")).not.toBe(agency.email("koordinator"));

  await agency.signIn(page, "koordinator");
  await expect(page.getByTestId("peran-aktif")).toContainText(agency.name);
  await page.goto(`/periode/${agency.periodId}/indikator`);
  await expect(page.getByTestId("jumlah-indikator")).toHaveText("47 indikator");
  expect((await page.goto(`/periode/${other.periodId}`))?.status()).toBe(404);
  await page.goto("/admin/pengguna");
  await expect(page.getByTestId(`pengguna-${agency.email("asesor")}`)).toBeVisible();
  await expect(page.getByTestId(`pengguna-${other.email("asesor")}`)).toHaveCount(0);
});

test("agency.run runs a command as that person, with its validation, policy and audit record", async ({ page, agency }) => {
  const result = await agency.run("koordinator", "setInstansiTimeZone", { timeZone: "WIT" });
  expect(result.message.key).toBe("admin.timeZone.saved");
  // The same rules as through the form: bad input and a role without the right are refused.
  await expect(agency.run("koordinator", "setInstansiTimeZone", { timeZone: "GMT" as "WIT" })).rejects.toBeInstanceOf(AppError);
  await expect(agency.run("asesor", "setInstansiTimeZone", { timeZone: "WIB" })).rejects.toBeInstanceOf(AppError);

  await agency.signIn(page, "koordinator");
  await page.goto("/admin/unit");
  await expect(page.locator("#zona-waktu").getByLabel("Zona waktu instansi")).toHaveValue("WIT");
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-baris").filter({ hasText: "instansi.time-zone" })).toHaveCount(1);
});
