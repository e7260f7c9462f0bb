// The boundary rules of eslint.config.mjs report what they are meant to: each case lints a
// one-line file placed where the rule applies, through the project's own configuration.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
// Loading the configuration and its plugins takes seconds on a busy machine: once, here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText("export {};\n", { filePath: "lib/warm-up.ts" });
}, 120_000);

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(`${code}\nexport const used = typeof imported;\n`, { filePath });
  return result!.messages.filter((message) => message.ruleId !== "@typescript-eslint/no-unused-vars").map((message) => `${message.ruleId}: ${message.message}`);
}

describe("the engine", () => {
  it("imports no database", async () => {
    expect(await problems("lib/scoring/new-rule.ts", 'import { db as imported } from "@/lib/db";')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-restricted-imports: '@\/lib\/db' import is restricted.*The engine is pure/)]),
    );
    expect(await problems("lib/framework/new-rule.ts", 'import { Prisma as imported } from "@/lib/generated/prisma/client";')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-restricted-imports: .*The engine is pure/)]),
    );
  });

  it("imports no framework and no other part of lib/", async () => {
    expect(await problems("lib/simulation/fastest-path.ts", 'import { headers as imported } from "next/headers";')).toEqual([expect.stringMatching(/^no-restricted-imports: 'next\/headers'.*plain TypeScript/)]);
    // (also a cycle: lib/assessment builds on the engine)
    expect(await problems("lib/decimal.ts", 'import { loadPeriodFor as imported } from "@/lib/assessment/period-access";')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-restricted-imports: .*The engine imports only the engine/)]),
    );
  });

  it("may import the engine", async () => {
    expect(await problems("lib/scoring/new-rule.ts", 'import { Decimal as imported } from "@/lib/decimal";')).toEqual([]);
    expect(await problems("lib/simulation/gain.ts", 'import { walkNodes as imported } from "@/lib/framework/tree";')).toEqual([]);
  });
});

describe("domain modules", () => {
  it("import nothing from Next.js, next-auth, React, app/ or components/", async () => {
    for (const source of ["next/navigation", "next-auth", "react"]) {
      expect(await problems("lib/assessment/new-query.ts", `import * as imported from "${source}";`)).toEqual([expect.stringMatching(/^no-restricted-imports: .*plain TypeScript/)]);
    }
    expect(await problems("lib/evidence/new-query.ts", 'import { PredicateBadge as imported } from "@/components/predicate-badge";')).toEqual([expect.stringMatching(/^no-restricted-imports: .*below the pages/)]);
    expect(await problems("lib/reports/new-query.ts", 'import * as imported from "@/app/periode/actions";')).toEqual([expect.stringMatching(/^no-restricted-imports: .*below the pages/)]);
  });

  it("reach other modules through @/lib, never ../", async () => {
    expect(await problems("lib/assessment/new-query.ts", 'import { db as imported } from "../db";')).toEqual([
      "local/no-relative-across-modules: '../db' leaves lib/assessment: import it as '@/lib/db' so the boundary rules see it.",
    ]);
    expect(await problems("lib/i18n/en/new-namespace.ts", 'import { app as imported } from "../id/app";')).toEqual([]);
  });

  it("leave Next.js to the HTTP layer and the adapters", async () => {
    expect(await problems("lib/http/new-route.ts", 'import { headers as imported } from "next/headers";')).toEqual([]);
    expect(await problems("lib/http/new-route.ts", 'import { PredicateBadge as imported } from "@/components/predicate-badge";')).toEqual([expect.stringMatching(/below the pages/)]);
  });
});

describe("validation", () => {
  it("imports no domain module", async () => {
    expect(await problems("lib/validation/new-form.ts", 'import { parseLevel as imported } from "@/lib/assessment/levels";')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-restricted-imports: .*Validation is below the domain/)]),
    );
    expect(await problems("lib/validation/new-form.ts", 'import { hashPassword as imported } from "@/lib/auth/password";')).toEqual(expect.arrayContaining([expect.stringMatching(/Validation is below the domain/)]));
  });

  it("builds on the primitives, the catalogs and exact decimals", async () => {
    expect(await problems("lib/validation/new-form.ts", 'import { id as imported } from "./primitives";\nimport { messages } from "@/lib/i18n/messages";\nimport { Decimal } from "@/lib/decimal";\nexport const more = [messages, Decimal];')).toEqual([]);
  });
});

describe("the environment", () => {
  it("is read through lib/env.ts only", async () => {
    expect(await problems("lib/evidence/new-store.ts", "const imported = process.env.DATA_DIR;")).toEqual([expect.stringMatching(/^no-restricted-properties: .*lib\/env.ts/)]);
    expect(await problems("app/new-page/page.tsx", "const imported = process.env.PUBLIC_URL;")).toEqual([expect.stringMatching(/^no-restricted-properties/)]);
    expect(await problems("lib/env.ts", "const imported = process.env.DATA_DIR;")).toEqual([]);
    expect(await problems("scripts/new-script.ts", "const imported = process.env.DATA_DIR;")).toEqual([]);
  });
});

describe("modules of lib/", () => {
  it("import each other in one direction only", async () => {
    // lib/recommendations builds on lib/assessment (periods, levels), so the way back is a cycle.
    expect(await problems("lib/assessment/new-view.ts", 'import { loadRecommendationList as imported } from "@/lib/recommendations/queries";')).toEqual([
      "local/no-module-cycles: lib/assessment imports lib/recommendations, but lib/recommendations already depends on lib/assessment (lib/recommendations -> lib/assessment): move the shared part below both.",
    ]);
  });

  it("may import downwards", async () => {
    expect(await problems("lib/recommendations/new-query.ts", 'import { loadPeriodFor as imported } from "@/lib/assessment/period-access";')).toEqual([]);
  });
});
