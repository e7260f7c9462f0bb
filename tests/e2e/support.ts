// What every end-to-end journey starts with.
import type { Page } from "@playwright/test";
import { auth } from "@/lib/i18n/id/auth";

export const DEMO_PASSWORD = "SpbeDemo#2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel(auth.email).fill(email);
  await page.getByLabel(auth.password).fill(password);
  await page.getByRole("button", { name: auth.submit, exact: true }).click();
  // Settle first (signed in and moved on, or refused) so a following navigation cannot overtake it.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/masuk")),
    page.getByTestId("galat-masuk").waitFor(),
  ]);
}

/** The id of an agency's period of `year`, read from the period list as a person would find it. */
export async function periodIdOf(page: Page, year: number): Promise<string> {
  await page.goto("/periode");
  const href = await page.getByTestId(`periode-${year}`).getByRole("link").first().getAttribute("href");
  const id = href?.split("/")[2];
  if (!id) throw new Error(`no period ${year} in the list`);
  return id;
}
