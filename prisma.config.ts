import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `generate` here; migrations run through the project's
// own offline scripts (scripts/db-migrate.ts, scripts/db-migration-new.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
