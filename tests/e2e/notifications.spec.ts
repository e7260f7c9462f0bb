// Notifications in the portal: the Asesor mentions the Pimpinan in an indicator's
// discussion; the Pimpinan's bell counts one more, the list shows the mention with a link
// back, and marking it read brings the count down again. Works on the demo agency's 2025
// period (in verification) and counts relative to what the bell showed before, so it needs
// nothing from other specs.
import { expect, test, type Page } from "@playwright/test";
import { periodIdOf, signIn } from "./support";

const ASESOR = "asesor@sukamaju.spbe.demo";
const PIMPINAN = "pimpinan@sukamaju.spbe.demo";
const PIMPINAN_NAME = "H. Ahmad Fauzi Ramadhan, S.H., M.M.";

async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("bell-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test("a mention raises the bell count; the person opens the list and marks it read", async ({ browser }) => {
  // Two people signed in side by side: slower than one on a loaded machine.
  test.slow();
  const pimpinan = await (await browser.newContext()).newPage();
  await signIn(pimpinan, PIMPINAN);
  await pimpinan.goto("/dasbor");
  await expect(pimpinan.getByTestId("bell")).toBeVisible();
  const before = await bellCount(pimpinan);

  const asesor = await (await browser.newContext()).newPage();
  await signIn(asesor, ASESOR);
  const periodId = await periodIdOf(asesor, 2025);
  await asesor.goto(`/periode/${periodId}/indikator/1`);
  const note = `Mohon Bapak cek dasar hukum indikator ini (uji ${Date.now()}).`;
  await asesor.locator("#komentar").getByLabel("Komentar", { exact: true }).fill(note);
  await asesor.locator("#komentar summary").click();
  await asesor.locator("#komentar").getByLabel(PIMPINAN_NAME).check();
  await asesor.getByRole("button", { name: "Kirim komentar" }).click();
  await expect(asesor.getByText(note)).toBeVisible();

  await pimpinan.reload();
  await expect(pimpinan.getByTestId("bell-count")).toHaveText(String(before + 1));
  await pimpinan.getByTestId("bell").click();
  await expect(pimpinan).toHaveURL(/\/pemberitahuan$/);
  const item = pimpinan.locator("li[data-unread]").filter({ hasText: note.slice(0, 40) });
  await expect(item).toContainText("menyebut Anda dalam diskusi indikator 1.");
  await expect(item.getByRole("link", { name: "Buka" })).toHaveAttribute("href", `/periode/${periodId}/indikator/1`);

  await item.getByRole("button", { name: "Tandai sudah dibaca" }).click();
  await expect(pimpinan.locator("li[data-unread]").filter({ hasText: note.slice(0, 40) })).toHaveCount(0);
  await expect(async () => expect(await bellCount(pimpinan)).toBe(before)).toPass();
});
