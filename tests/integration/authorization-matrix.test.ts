// Every command every server action can run, for every role, on records of the own
// instansi and of another one (guessed ids). Expectations are written from the role table
// of the access issue, not derived from lib/policy.ts. A denied attempt is a 403 or a 404,
// leaves no trace but the refusal, and returns no data.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand, type Command } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import type { Role } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, FIXTURE_PASSWORD, requestContext, type AgencyFixture, type Fixtures } from "./fixtures";

type CommandName = keyof typeof COMMANDS;
type Row = {
  allowed: Role[];
  own: (f: Fixtures) => unknown;
  /** The same request aimed at the other agency's records; omitted where the command has no target there. */
  foreign?: (f: Fixtures) => unknown;
};

const unitInput = (agency: AgencyFixture) => ({ unitId: agency.unitIds[1], name: "Unit Diganti", functions: [] });
const userTarget = (agency: AgencyFixture) => agency.userIds.PIMPINAN;

const MATRIX: Record<CommandName, Row> = {
  createUnit: { allowed: ["KOORDINATOR"], own: () => ({ code: "unit-baru", name: "Unit Baru" }) },
  updateUnit: { allowed: ["KOORDINATOR"], own: (f) => unitInput(f.home), foreign: (f) => unitInput(f.other) },
  setUnitActive: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ unitId: f.home.unitIds[1], active: "false" }),
    foreign: (f) => ({ unitId: f.other.unitIds[1], active: "false" }),
  },
  createUser: { allowed: ["KOORDINATOR"], own: () => ({ name: "Orang Baru", email: "baru@uji.go.id", role: "PIMPINAN", unitId: "" }) },
  addMembership: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ userId: userTarget(f.home), role: "ASESOR", unitId: "" }),
    foreign: (f) => ({ userId: userTarget(f.other), role: "ASESOR", unitId: "" }),
  },
  removeMembership: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ membershipId: f.home.membershipIds.PIMPINAN }),
    foreign: (f) => ({ membershipId: f.other.membershipIds.PIMPINAN }),
  },
  resetUserPassword: { allowed: ["KOORDINATOR"], own: (f) => ({ userId: userTarget(f.home) }), foreign: (f) => ({ userId: userTarget(f.other) }) },
  setUserActive: {
    allowed: ["KOORDINATOR"],
    own: (f) => ({ userId: userTarget(f.home), active: "false" }),
    foreign: (f) => ({ userId: userTarget(f.other), active: "false" }),
  },
  createInstansi: {
    allowed: ["SUPERADMIN"],
    own: () => ({ code: "kota-baru", name: "Kota Baru", kind: "KOTA", region: "", koordinatorName: "Koor Baru", koordinatorEmail: "koor@kota-baru.go.id" }),
  },
  setInstansiActive: { allowed: ["SUPERADMIN"], own: (f) => ({ instansiId: f.home.instansiId, active: "false" }) },
  resetKoordinatorPassword: { allowed: ["SUPERADMIN"], own: (f) => ({ membershipId: f.home.membershipIds.KOORDINATOR }) },
  changeOwnPassword: {
    allowed: ["SUPERADMIN", "KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"],
    own: () => ({ currentPassword: FIXTURE_PASSWORD, newPassword: "kopi-tubruk-di-teras", confirmPassword: "kopi-tubruk-di-teras" }),
  },
};

const ROLES: Role[] = ["SUPERADMIN", "KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"];

let fixtures: Fixtures;
beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
});

async function attempt(name: CommandName, role: Role, input: unknown) {
  const actor = await actorFor(fixtures, role);
  const auditBefore = await db.auditLog.count();
  try {
    const command: Command = COMMANDS[name];
    const result = await executeCommand(db, command, actor, requestContext, input);
    return { result, auditDelta: (await db.auditLog.count()) - auditBefore };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error, auditDelta: (await db.auditLog.count()) - auditBefore };
  }
}

describe("authorization matrix", () => {
  it("covers every registered command", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  for (const name of Object.keys(MATRIX) as CommandName[]) {
    const row = MATRIX[name];
    for (const role of ROLES) {
      const allowed = row.allowed.includes(role);
      it(`${name} · ${role} · own instansi → ${allowed ? "allowed" : "denied"}`, async () => {
        const outcome = await attempt(name, role, row.own(fixtures));
        if (allowed) {
          expect(outcome.error, outcome.error?.message).toBeUndefined();
          expect(outcome.auditDelta).toBeGreaterThan(0);
        } else {
          expect(outcome.error?.status).toBe(403);
          expect(outcome.auditDelta).toBe(0);
        }
      });

      if (row.foreign) {
        const foreign = row.foreign;
        it(`${name} · ${role} · another instansi's id → denied without leaking`, async () => {
          const outcome = await attempt(name, role, foreign(fixtures));
          expect(outcome.error).toBeInstanceOf(AppError);
          // Roles that may never do this get 403 whatever the id; the Koordinator, who may
          // in their own instansi, cannot tell another agency's id from a missing one.
          expect(outcome.error!.status).toBe(row.allowed.includes(role) ? 404 : 403);
          expect(outcome.auditDelta).toBe(0);
        });
      }
    }
  }

  it("an id that exists nowhere answers exactly like another agency's id", async () => {
    const missing = await attempt("updateUnit", "KOORDINATOR", { unitId: "tidak-ada-unit-ini", name: "Unit X", functions: [] });
    const foreign = await attempt("updateUnit", "KOORDINATOR", unitInput(fixtures.other));
    expect([missing.error?.status, missing.error?.message]).toEqual([foreign.error?.status, foreign.error?.message]);
  });
});
