// Single sign-on through a real OpenID Connect provider (oidc-provider, started next to the
// portal by scripts/e2e-server.ts). The provider vouches for the email typed into its login
// form; the portal lets in only an existing, active user with that email.
import { type Page } from "@playwright/test";
import { fill } from "@/lib/i18n/format";
import { auth } from "@/lib/i18n/id/auth";
import { dashboard } from "@/lib/i18n/id/dashboard";
import { expect, test } from "./fixtures";

async function signInThroughProvider(page: Page, email: string) {
  await page.goto("/masuk");
  await page.getByRole("button", { name: fill(auth.ssoSubmit, { name: "SSO Pemda" }) }).click();
  // The provider's own (development) login form, on another origin.
  await page.getByPlaceholder("Enter any login").fill(email);
  await page.getByPlaceholder("and password").fill("sandi-di-penyedia");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a demo user signs in through the SSO provider and lands in their workspace", async ({ page, agency }) => {
  await signInThroughProvider(page, agency.email("asesor"));
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dasbor$/);
  await expect(page.getByTestId("peran-aktif")).toContainText(dashboard.roles.ASESOR!);
  await expect(page.getByTestId("peran-aktif")).toContainText(agency.name);

  await page.getByRole("button", { name: auth.signOut }).click();
  await expect(page).toHaveURL(/\/masuk/);
});

test("an SSO account whose email is no portal user is sent back to the sign-in page with the reason", async ({ page }) => {
  await signInThroughProvider(page, "bukan.pengguna@sukamaju.go.id");
  await expect(page).toHaveURL(/\/masuk\?error=AccessDenied$/);
  await expect(page.getByTestId("galat-masuk")).toHaveText(auth.ssoRefused);
  await page.goto("/dasbor");
  await expect(page).toHaveURL(/\/masuk\?kembali=%2Fdasbor/);
});
