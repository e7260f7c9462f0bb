// The password rules of the access issue: at least 10 characters and no common password.
import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/validation/password-policy";
import { render } from "@/lib/i18n/render";
import { ZPasswordChange } from "@/lib/validation/admin";
import { issueMessage } from "@/lib/validation/issues";

describe("passwordProblem", () => {
  it("accepts a long, unremarkable passphrase", () => {
    expect(passwordProblem("kopi-tubruk-di-teras-pagi")).toBeNull();
    expect(passwordProblem("Gx7#pQ2m!vLr")).toBeNull();
  });

  it("refuses fewer than 10 characters, counting characters not bytes", () => {
    expect(passwordProblem("Abc123!xy")).toBe("too_short");
    expect(passwordProblem("ééééééééé")).toBe("too_short");
    expect(passwordProblem("x".repeat(201))).toBe("too_long");
  });

  it("refuses common passwords, also with digits or symbols tacked on and in any case", () => {
    for (const password of ["passwordpassword", "Password2026!", "indonesia123", "Bismillah2025", "12345Rahasiaku", "P@ssw0rd", "qwertyuiop"]) {
      expect(passwordProblem(password), password).not.toBeNull();
    }
    expect(passwordProblem("Password2026!")).toBe("common");
  });

  it("refuses runs and repetitions", () => {
    expect(passwordProblem("1234567890")).toBe("predictable");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("predictable");
    expect(passwordProblem("abcdefghij")).toBe("predictable");
  });

  it("refuses the account's own email name or full name", () => {
    expect(passwordProblem("bambang.s2026", { email: "bambang.s2026@pemda.go.id" })).toBe("personal");
    expect(passwordProblem("RinaKartikaSari", { name: "Rina Kartika Sari" })).toBe("personal");
  });

  it("refuses the name or email with digits or separators around or inside it", () => {
    const owner = { email: "siti.aminah@pemda.go.id", name: "Siti Aminah" };
    for (const password of ["siti.aminah2026", "2026-Siti_Aminah!", "SitiAminah-01", "aminah2026!!", "s.i.t.i.a.m.i.n.a.h"]) {
      expect(passwordProblem(password, owner), password).toBe("personal");
    }
    // Only the name's letters make it personal; a passphrase that merely contains a name is fine.
    expect(passwordProblem("siti-suka-kopi-tubruk", owner)).toBeNull();
  });

  it("refuses the published demo password where the demo data was never loaded, and only there", () => {
    expect(passwordProblem("SpbeDemo#2026", {}, { demoDataLoaded: false })).toBe("common");
    expect(passwordProblem("spbedemo#2026", {}, { demoDataLoaded: false })).toBe("common");
    expect(passwordProblem("SpbeDemo#2026", {}, { demoDataLoaded: true })).toBeNull();
  });
});

describe("ZPasswordChange", () => {
  it("reports the policy and a mismatch on their own fields, in Bahasa Indonesia", () => {
    const result = ZPasswordChange.safeParse({ currentPassword: "lama", newPassword: "pendek", confirmPassword: "lain" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), render(issueMessage(issue))]));
    expect(byField.newPassword).toMatch(/minimal 10 karakter/);
    expect(byField.confirmPassword).toMatch(/tidak sama/);
  });
});
