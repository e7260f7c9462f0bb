// The Koordinator's view of the audit trail on the real database: only events in their own
// instansi (an account's sign-ins are recorded in its home agency), the filters,
// pagination, and the batched CSV export.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAudit, type AuditEntry } from "@/lib/audit";
import { PAGE_SIZE } from "@/lib/admin/queries";
import { auditCsvValues, auditEntriesForExport, listAuditEntries, type AuditRow } from "@/lib/admin/audit-queries";
import { csvRow } from "@/lib/export/csv";
import { ZAuditFilters, type AuditFilter } from "@/lib/validation/audit";
import { resetDatabase } from "./db-reset";

const NO_FILTER: AuditFilter = { actor: "", entity: "", action: "", dari: "", sampai: "" };

let home: string;
let other: string;
let users: Record<"koordinator" | "opd" | "otherKoordinator" | "outsider", string>;

async function audit(actorId: string | null, entry: AuditEntry) {
  await db.$transaction((tx) => writeAudit(tx, { actorId, ip: "10.0.0.7", userAgent: "vitest", requestId: "uji" }, entry));
}

async function collect(batches: AsyncGenerator<AuditRow[]>) {
  const all: AuditRow[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

const list = (filter: Partial<AuditFilter> = {}, halaman = 1, instansiId = home) => listAuditEntries(db, instansiId, { ...NO_FILTER, ...filter, halaman });
const actions = (entries: AuditRow[]) => entries.map((entry) => entry.action);

beforeEach(async () => {
  await resetDatabase();
  const [a, b] = await Promise.all([
    db.instansi.create({ data: { code: "kab-satu", name: "Kabupaten Satu", kind: "KABUPATEN", units: { create: { code: "diskominfo", name: "Diskominfo" } } }, include: { units: true } }),
    db.instansi.create({ data: { code: "kab-dua", name: "Kabupaten Dua", kind: "KABUPATEN" } }),
  ]);
  home = a.id;
  other = b.id;
  const make = (email: string, name: string, memberships: { instansiId: string; role: "KOORDINATOR" | "ADMIN_OPD"; unitId?: string }[]) =>
    db.user.create({ data: { email, name, memberships: { create: memberships } } }).then((user) => user.id);
  users = {
    koordinator: await make("koor@satu.go.id", "Koordinator Satu", [{ instansiId: home, role: "KOORDINATOR" }]),
    opd: await make("opd@satu.go.id", "=Admin OPD", [{ instansiId: home, role: "ADMIN_OPD", unitId: a.units[0]!.id }]),
    otherKoordinator: await make("koor@dua.go.id", "Koordinator Dua", [{ instansiId: other, role: "KOORDINATOR" }]),
    outsider: await make("luar@mana.go.id", "Orang Luar", []),
  };

  await audit(users.koordinator, { action: "unit.create", entityType: "Unit", entityId: a.units[0]!.id, instansiId: home, after: { name: 'Dinas "Kominfo", Satu' } });
  await audit(users.otherKoordinator, { action: "unit.create", entityType: "Unit", entityId: "unit-dua", instansiId: other });
  await audit(users.opd, { action: "auth.sign-in", entityType: "User", entityId: users.opd, instansiId: home, after: { method: "password" } });
  await audit(users.otherKoordinator, { action: "auth.sign-in", entityType: "User", entityId: users.otherKoordinator, instansiId: other });
  await audit(users.outsider, { action: "auth.sign-in", entityType: "User", entityId: users.outsider });
  await audit(null, { action: "auth.sign-in-failed", entityType: "User", entityId: users.opd, instansiId: home, after: { email: "opd@satu.go.id" } });
  await audit(null, { action: "auth.sign-in-failed", entityType: "User", entityId: null, after: { email: "siapa@satu.go.id" } });
  await audit(users.koordinator, { action: "user.reset-password", entityType: "User", entityId: users.opd, instansiId: home, before: { mustChangePassword: false } });
});

describe("listAuditEntries", () => {
  it("shows the instansi's records (its accounts' sign-ins among them), newest first, never another instansi's", async () => {
    const { total, entries, entityTypes } = await list();
    expect(actions(entries)).toEqual(["user.reset-password", "auth.sign-in-failed", "auth.sign-in", "unit.create"]);
    expect(total).toBe(4);
    expect(entries.map((entry) => entry.actor?.email ?? null)).toEqual(["koor@satu.go.id", null, "opd@satu.go.id", "koor@satu.go.id"]);
    expect(entityTypes).toEqual(["Unit", "User"]);

    const theirs = await list({}, 1, other);
    expect(actions(theirs.entries)).toEqual(["auth.sign-in", "unit.create"]);
    expect(theirs.entries.every((entry) => entry.instansiId === other)).toBe(true);
  });

  it("filters by actor name or email (any case), entity type and action", async () => {
    expect(actions((await list({ actor: "ADMIN opd" })).entries)).toEqual(["auth.sign-in"]);
    expect(actions((await list({ actor: "KOOR@satu" })).entries)).toEqual(["user.reset-password", "unit.create"]);
    expect(actions((await list({ actor: "koor@dua" })).entries)).toEqual([]);
    expect(actions((await list({ entity: "Unit" })).entries)).toEqual(["unit.create"]);
    expect(actions((await list({ entity: "Instansi" })).entries)).toEqual([]);
    expect(actions((await list({ action: "SIGN-IN" })).entries)).toEqual(["auth.sign-in-failed", "auth.sign-in"]);
    expect(actions((await list({ actor: "koordinator", entity: "User" })).entries)).toEqual(["user.reset-password"]);
  });

  it("filters by calendar days in Western Indonesian Time, both ends included", async () => {
    // 23:30 WIB on 1 March, 00:30 WIB on 2 March, 23:59 WIB on 3 March, 00:00 WIB on 4 March.
    const times = ["2026-03-01T16:30:00Z", "2026-03-01T17:30:00Z", "2026-03-03T16:59:00Z", "2026-03-03T17:00:00Z"];
    await db.auditLog.createMany({ data: times.map((at, i) => ({ at: new Date(at), action: `uji.${i}`, entityType: "Uji", instansiId: home })) });
    const days = async (dari: string, sampai: string) => actions((await list({ entity: "Uji", dari, sampai })).entries);
    expect(await days("2026-03-02", "2026-03-03")).toEqual(["uji.2", "uji.1"]);
    expect(await days("2026-03-01", "2026-03-01")).toEqual(["uji.0"]);
    expect(await days("2026-03-04", "")).toEqual(["uji.3"]);
    expect(await days("", "2026-03-01")).toEqual(["uji.0"]);
    // A range written back to front is read the right way round.
    const swapped = ZAuditFilters.parse({ entity: "Uji", dari: "2026-03-03", sampai: "2026-03-02" });
    expect(swapped).toMatchObject({ dari: "2026-03-02", sampai: "2026-03-03", swapped: true });
    expect(actions((await listAuditEntries(db, home, swapped)).entries)).toEqual(["uji.2", "uji.1"]);
  });

  it("pages through many entries without gaps or repeats", async () => {
    const base = Date.parse("2026-01-01T00:00:00Z");
    // Half of them share a timestamp: the id breaks the tie.
    await db.auditLog.createMany({ data: Array.from({ length: 45 }, (_, i) => ({ at: new Date(base + (i % 2 === 0 ? i : 0) * 1000), action: `massal.${i}`, entityType: "Uji", instansiId: home })) });
    const pages = await Promise.all([1, 2, 3].map((halaman) => list({ entity: "Uji" }, halaman)));
    expect(pages.map((page) => page.entries.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
    expect(pages.every((page) => page.total === 45)).toBe(true);
    const seen = pages.flatMap((page) => page.entries);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(45);
    const keys = seen.map((entry) => [entry.at.getTime(), Number(entry.id)] as const);
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]![0] > keys[i]![0] || (keys[i - 1]![0] === keys[i]![0] && keys[i - 1]![1] > keys[i]![1])).toBe(true);
    expect((await list({ entity: "Uji" }, 4)).entries).toEqual([]);
  });

  it("hides the sign-ins of a member whose account is managed by another agency, with their addresses and browsers", async () => {
    // Before accounts stayed in one agency, another Koordinator could attach this agency's person and read these.
    await db.membership.create({ data: { userId: users.otherKoordinator, instansiId: home, role: "ADMIN_OPD", unitId: (await db.unit.findFirstOrThrow()).id } });
    const seen = await collect(auditEntriesForExport(db, home, NO_FILTER));
    expect(seen.some((entry) => entry.actorId === users.otherKoordinator)).toBe(false);
  });
});

describe("auditEntriesForExport", () => {
  it("returns every matching entry in the page order, read in batches", async () => {
    const base = Date.parse("2026-01-01T00:00:00Z");
    await db.auditLog.createMany({ data: Array.from({ length: 45 }, (_, i) => ({ at: new Date(base + (i % 3) * 1000), action: `massal.${i}`, entityType: "Uji", instansiId: home })) });
    const paged = (await Promise.all([1, 2, 3, 4].map((halaman) => list({}, halaman)))).flatMap((page) => page.entries);
    const batches: number[] = [];
    const exported: AuditRow[] = [];
    for await (const batch of auditEntriesForExport(db, home, NO_FILTER, 10)) {
      batches.push(batch.length);
      exported.push(...batch);
    }
    expect(batches).toEqual([10, 10, 10, 10, 9]);
    expect(exported.map((entry) => entry.id)).toEqual(paged.map((entry) => entry.id));
    expect(exported).toHaveLength(49);

    const filtered = await collect(auditEntriesForExport(db, home, { ...NO_FILTER, actor: "opd@satu" }, 10));
    expect(actions(filtered)).toEqual(["auth.sign-in"]);
    expect(await collect(auditEntriesForExport(db, other, { ...NO_FILTER, entity: "Uji" }))).toEqual([]);
  });

  it("writes entries as CSV rows with quoted JSON and neutralised formulas", async () => {
    const [signIn] = await collect(auditEntriesForExport(db, home, { ...NO_FILTER, action: "auth.sign-in", actor: "opd" }));
    expect(csvRow(auditCsvValues(signIn!))).toBe(
      `${signIn!.at.toISOString()},opd@satu.go.id,'=Admin OPD,auth.sign-in,User,${users.opd},10.0.0.7,vitest,uji,,"{""method"":""password""}"\r\n`,
    );
    const [created] = await collect(auditEntriesForExport(db, home, { ...NO_FILTER, entity: "Unit" }));
    expect(csvRow(auditCsvValues(created!))).toContain(`,"{""name"":""Dinas \\""Kominfo\\"", Satu""}"\r\n`);
  });
});
