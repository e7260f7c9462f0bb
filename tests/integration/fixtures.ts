// Two small agencies with one person per role, for tests of commands and permissions.
// Passwords are hashed once per run (argon2id is deliberately slow).
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/auth/actor";
import { ensureShippedFrameworks } from "@/lib/framework-versions/store";
import { loadPeriodFor, type LoadedPeriod } from "@/lib/assessment/period-access";
import type { Actor, Role } from "@/lib/policy";

export const FIXTURE_PASSWORD = "sandi-uji-yang-panjang";
let passwordHash: Promise<string> | undefined;

export type AgencyFixture = {
  instansiId: string;
  /** The 2026 period (spbe-2020, phase PENGISIAN): indicators 1-3 assigned to unit a (the Admin OPD's), 4 to unit b. */
  periodId: string;
  unitIds: [string, string];
  userIds: Record<Exclude<Role, "SUPERADMIN">, string>;
  membershipIds: Record<Exclude<Role, "SUPERADMIN">, string>;
};

async function createAgency(code: string, framework: FrameworkFixture): Promise<AgencyFixture> {
  const hash = await (passwordHash ??= hashPassword(FIXTURE_PASSWORD));
  const instansi = await db.instansi.create({ data: { code, name: `Instansi ${code}`, kind: "KABUPATEN" } });
  const units = await Promise.all(
    ["a", "b"].map((suffix) => db.unit.create({ data: { instansiId: instansi.id, code: `${code}-unit-${suffix}`, name: `Unit ${suffix.toUpperCase()} ${code}`, functions: ["tik"] } })),
  );
  const roles = ["KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"] as const;
  const userIds = {} as AgencyFixture["userIds"];
  const membershipIds = {} as AgencyFixture["membershipIds"];
  for (const role of roles) {
    const user = await db.user.create({
      data: {
        email: `${role.toLowerCase()}@${code}.uji`,
        name: `${role} ${code}`,
        passwordHash: hash,
        memberships: { create: { role, instansiId: instansi.id, unitId: role === "ADMIN_OPD" ? units[0]!.id : null } },
      },
      include: { memberships: true },
    });
    userIds[role] = user.id;
    membershipIds[role] = user.memberships[0]!.id;
  }
  const period = await db.assessmentPeriod.create({
    data: {
      instansiId: instansi.id,
      year: 2026,
      frameworkVersionId: framework.versionId,
      phase: "PENGISIAN",
      assignments: {
        create: [1, 2, 3, 4].map((number) => ({ indicatorId: framework.indicatorIds[number]!, unitId: units[number === 4 ? 1 : 0]!.id })),
      },
    },
  });
  return { instansiId: instansi.id, periodId: period.id, unitIds: [units[0]!.id, units[1]!.id], userIds, membershipIds };
}

type FrameworkFixture = { versionId: string; indicatorIds: Record<number, string> };

/** spbe-2020 as shipped: its version id and indicator node ids by indicator number. */
async function frameworkFixture(): Promise<FrameworkFixture> {
  const versions = await ensureShippedFrameworks(db);
  const version = versions.find((candidate) => candidate.code === "spbe-2020")!;
  const nodes = await db.frameworkNode.findMany({ where: { versionId: version.id, kind: "INDICATOR" }, select: { id: true, number: true } });
  return { versionId: version.id, indicatorIds: Object.fromEntries(nodes.map((node) => [node.number!, node.id])) };
}

export async function createFixtures() {
  const hash = await (passwordHash ??= hashPassword(FIXTURE_PASSWORD));
  const framework = await frameworkFixture();
  const home = await createAgency("rumah", framework);
  const other = await createAgency("tetangga", framework);
  const superadmin = await db.user.create({
    data: { email: "superadmin@uji", name: "Superadmin", passwordHash: hash, memberships: { create: { role: "SUPERADMIN" } } },
  });
  return { home, other, framework, superadminId: superadmin.id };
}

export type Fixtures = Awaited<ReturnType<typeof createFixtures>>;

/** The assignments createAgency made in an agency's period, as "indicatorId:unitId" pairs. */
export function fixturePairs(fixtures: Fixtures, agency: AgencyFixture): string[] {
  return [1, 2, 3, 4].map((number) => `${fixtures.framework.indicatorIds[number]}:${agency.unitIds[number === 4 ? 1 : 0]}`);
}

export async function actorFor(fixtures: Fixtures, role: Role): Promise<Actor> {
  const userId = role === "SUPERADMIN" ? fixtures.superadminId : fixtures.home.userIds[role];
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no actor for ${role}`);
  return actor;
}

/** A period as a page reaches it: through the policy, as the home agency's Koordinator (or `role`). */
export async function loadedPeriod(fixtures: Fixtures, periodId: string, role: Role = "KOORDINATOR"): Promise<LoadedPeriod> {
  return loadPeriodFor(db, await actorFor(fixtures, role), "results.read", periodId);
}

export const requestContext = { actorId: null, ip: "10.9.9.9", userAgent: "vitest", requestId: "uji" };
