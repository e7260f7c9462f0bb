// Lint: Next.js' own rules (core web vitals, React hooks), typescript-eslint's recommended
// set, and the boundaries between layers, which are the point of linting here:
//   - the engine (scoring, framework definitions, the pure simulation) imports no database,
//     no framework and no other part of lib/;
//   - domain modules (lib/ except the HTTP layer and the Next.js adapters listed below)
//     import nothing from next/*, next-auth or React, and nothing from app/ or components/;
//   - validation (lib/validation) imports no domain module;
//   - no import cycle between the modules of lib/ (eslint/module-cycles.mjs).
// tests/unit/lint-boundaries.test.ts proves each rule reports a violating import.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import moduleCycles from "./eslint/module-cycles.mjs";

/** The pure engine: exact arithmetic on framework definitions. */
export const ENGINE = ["lib/decimal.ts", "lib/scoring/**", "lib/framework/**", "lib/simulation/fastest-path.ts", "lib/simulation/gain.ts"];
const ENGINE_IMPORTS = /^@\/lib\/(?!(decimal|scoring|framework|simulation\/(fastest-path|gain))(\/|$))/;

/** The only lib/ files that may talk to Next.js, next-auth or React. */
export const NEXT_ADAPTERS = ["lib/http/**", "lib/auth/current.ts", "lib/auth/page-guard.ts", "lib/auth/next-auth.ts", "lib/auth/session-cookie.ts", "lib/i18n/locale.ts"];

/** What validation may build on: zod, the catalogs, the error shape, exact decimals. */
const VALIDATION_IMPORTS = /^@\/lib\/(?!(validation|i18n|errors|decimal)(\/|$))/;

const UI = { group: ["@/app", "@/app/*", "@/components", "@/components/*"], message: "lib/ is below the pages and components: move the shared part into lib/ instead." };
const FRAMEWORK = { group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*"], message: "Domain modules are plain TypeScript: Next.js, next-auth and React belong in app/, components/, lib/http or the adapters in eslint.config.mjs." };
const DATABASE = { group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/*", "@prisma/*", "pg"], message: "The engine is pure: load data in a domain module and pass it in." };

const restrict = (...patterns) => ["error", { patterns }];

export default defineConfig([
  globalIgnores([".next/**", ".next-*/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  // The environment is read once, in lib/env.ts (see its header for the files outside this rule).
  {
    files: ["app/**", "lib/**", "components/**", "proxy.ts"],
    ignores: ["lib/env.ts"],
    rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read the environment through lib/env.ts (env), which parses and checks it once." }] },
  },
  // CommonJS scripts (run with plain node) have only require().
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    files: ["lib/**"],
    plugins: { local: moduleCycles },
    rules: {
      "local/no-module-cycles": "error",
      "local/no-relative-across-modules": "error",
      "no-restricted-imports": restrict(UI, FRAMEWORK),
    },
  },
  { files: NEXT_ADAPTERS, rules: { "no-restricted-imports": restrict(UI) } },
  {
    files: ["lib/validation/**"],
    rules: { "no-restricted-imports": restrict(UI, FRAMEWORK, { regex: VALIDATION_IMPORTS.source, message: "Validation is below the domain: it may import zod, lib/i18n, lib/errors, lib/decimal and other validation files only." }) },
  },
  {
    files: ENGINE,
    rules: { "no-restricted-imports": restrict(UI, FRAMEWORK, DATABASE, { regex: ENGINE_IMPORTS.source, message: "The engine imports only the engine (lib/decimal, lib/scoring, lib/framework, the pure simulation)." }) },
  },
]);
