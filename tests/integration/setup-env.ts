// Runs before each integration test file imports anything, so lib/env and lib/db see the
// database that global-setup prepared.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATA_DIR = inject("dataDir");
