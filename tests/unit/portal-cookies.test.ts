// The active-role and language cookies are Secure whenever the portal is served over https.
import { afterEach, describe, expect, it, vi } from "vitest";

async function optionsUnder(publicUrl: string) {
  vi.resetModules();
  vi.stubEnv("PUBLIC_URL", publicUrl);
  const { portalCookieOptions } = await import("@/lib/auth/session-cookie");
  return portalCookieOptions(60);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("portalCookieOptions", () => {
  it("sets Secure under an https PUBLIC_URL", async () => {
    expect(await optionsUnder("https://spbe.pemda.go.id")).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 60 });
  });

  it("leaves it off for plain http (a local or test portal), where the browser would drop the cookie", async () => {
    expect((await optionsUnder("http://127.0.0.1:3000")).secure).toBe(false);
  });
});
