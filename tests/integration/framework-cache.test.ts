// Framework versions are immutable, so their parsed form is kept in memory: once a version
// was read, no request reads or parses its definition again, a newly imported version is
// what the next "newest version" read returns, and an old version never changes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getFramework } from "@/lib/framework/catalog";
import {
  ensureShippedFrameworks,
  frameworkVersionCache,
  getFrameworkVersion,
  getLatestFrameworkVersion,
  importFrameworkVersion,
  listLatestFrameworkVersions,
} from "@/lib/framework-versions/store";
import { resetDatabase } from "./db-reset";
import { countingClient } from "./query-counter";

const counter = countingClient();

beforeAll(async () => {
  await resetDatabase();
  await ensureShippedFrameworks(db);
  frameworkVersionCache.clear();
});

afterAll(async () => {
  await counter.client.$disconnect();
});

it("reads a version's definition from the database once, then from memory", async () => {
  const latest = (await getLatestFrameworkVersion(db, "spbe-2020"))!;
  frameworkVersionCache.clear();

  const first = await counter.statementsOf((client) => getFrameworkVersion(client, latest.id));
  expect(first.some((statement) => statement.includes('"definition"'))).toBe(true);
  expect(await counter.statementsOf((client) => getFrameworkVersion(client, latest.id))).toEqual([]);

  // "The newest version" still asks which id that is, without the definition column.
  const head = await counter.statementsOf((client) => getLatestFrameworkVersion(client, "spbe-2020"));
  expect(head.length).toBeGreaterThan(0);
  expect(head.some((statement) => statement.includes('"definition"'))).toBe(false);
  const list = await counter.statementsOf((client) => listLatestFrameworkVersions(client));
  expect(list.some((statement) => statement.includes('"definition"'))).toBe(true); // pemdi-2026 was not read yet
  const listAgain = await counter.statementsOf((client) => listLatestFrameworkVersions(client));
  expect(listAgain.some((statement) => statement.includes('"definition"'))).toBe(false);
});

it("uses a newly imported version at once and never changes an old one", async () => {
  const old = (await getLatestFrameworkVersion(db, "spbe-2020"))!;
  const oldSnapshot = structuredClone(old.definition);
  const shipped = getFramework("spbe-2020")!;
  const revised = { ...shipped, name: `${shipped.name} (revisi)` };

  const imported = await importFrameworkVersion(db, revised);
  expect(imported.isNew).toBe(true);

  const latest = (await getLatestFrameworkVersion(db, "spbe-2020"))!;
  expect(latest.id).toBe(imported.id);
  expect(latest.definition.name).toBe(revised.name);
  expect((await listLatestFrameworkVersions(db)).find((version) => version.code === "spbe-2020")!.id).toBe(imported.id);

  const again = (await getFrameworkVersion(db, old.id))!;
  expect(again.definition).toEqual(oldSnapshot);
  expect(again.definition.name).toBe(shipped.name);
  // Shared by every request: nobody can change it for the others.
  expect(() => {
    (again.definition as { name: string }).name = "diubah";
  }).toThrow(TypeError);
});

it("answers null for an unknown version without caching anything", async () => {
  frameworkVersionCache.clear();
  expect(await getFrameworkVersion(db, "tidak-ada")).toBeNull();
  expect(await getLatestFrameworkVersion(db, "tidak-ada")).toBeNull();
  expect(frameworkVersionCache.size).toBe(0);
});
