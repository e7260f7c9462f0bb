// The access rules, role by role, including records of another unit and another instansi.
import { describe, expect, it } from "vitest";
import { ACTIONS, assertCan, can, type Action, type Actor, type Role } from "@/lib/policy";
import { AppError } from "@/lib/errors";

const HOME = { instansiId: "inst-a", unitId: "unit-a1" };
const SIBLING_UNIT = { instansiId: "inst-a", unitId: "unit-a2" };
const OTHER_INSTANSI = { instansiId: "inst-b", unitId: "unit-b1" };

function actorWith(role: Role): Actor {
  const membership = {
    id: `m-${role}`,
    role,
    instansiId: role === "SUPERADMIN" ? null : HOME.instansiId,
    instansiName: null,
    unitId: role === "ADMIN_OPD" ? HOME.unitId : null,
    unitName: null,
    timeZone: "WIB" as const,
  };
  return { userId: `u-${role}`, name: role, email: `${role}@test`, memberships: [membership], active: membership, mustChangePassword: false };
}

// Expected decisions for a record in the actor's own instansi and unit, written from the
// role table of the access issue (not derived from lib/policy.ts).
const OWN: Record<Role, Action[]> = {
  SUPERADMIN: ["instansi.manage", "instansi.list", "results.read-all", "results.read", "framework.import"],
  KOORDINATOR: [
    "instansi.read", "results.read", "answer.read-all", "audit.read", "unit.manage", "instansi.settings", "user.manage", "period.manage", "period.change-version",
    "assignment.manage", "external-result.record", "answer.read", "comment.create", "evidence.read", "answer.import",
    "simulation.run", "recommendation.read", "recommendation.manage", "recommendation.update-status",
    // Notifications: own ones for everyone working in the agency; per-unit deadlines for the Koordinator.
    "notification.read-own", "unit-deadline.manage", "external-index.enter",
  ],
  ASESOR: ["instansi.read", "results.read", "answer.read-all", "answer.read", "answer.verify", "comment.create", "evidence.read", "simulation.run", "recommendation.read", "notification.read-own"],
  ADMIN_OPD: ["instansi.read", "results.read", "answer.read", "answer.fill", "answer.import", "comment.create", "evidence.read", "evidence.attach", "evidence.manage", "recommendation.read", "recommendation.update-status", "notification.read-own", "external-index.enter"],
  PIMPINAN: ["instansi.read", "results.read", "answer.read-all", "answer.read", "evidence.read", "simulation.run", "recommendation.read", "notification.read-own"],
};

const ROLES = Object.keys(OWN) as Role[];

describe("policy", () => {
  for (const role of ROLES) {
    it(`${role}: allowed exactly the actions of its role on its own records`, () => {
      const actor = actorWith(role);
      const allowed = ACTIONS.filter((action) => can(actor, action, HOME));
      expect(allowed.sort()).toEqual([...OWN[role]].sort());
    });

    it(`${role}: nothing of another instansi except the superadmin's national view`, () => {
      const actor = actorWith(role);
      const allowed = ACTIONS.filter((action) => can(actor, action, OTHER_INSTANSI));
      expect(allowed.sort()).toEqual(role === "SUPERADMIN" ? [...OWN.SUPERADMIN].sort() : []);
    });
  }

  it("an answer assigned to several units: each of their Admin OPD may fill it, nobody else's", () => {
    const actor = actorWith("ADMIN_OPD");
    expect(can(actor, "answer.fill", { instansiId: HOME.instansiId, unitIds: [SIBLING_UNIT.unitId, HOME.unitId] })).toBe(true);
    expect(can(actor, "answer.fill", { instansiId: HOME.instansiId, unitIds: [SIBLING_UNIT.unitId] })).toBe(false);
    expect(can(actor, "answer.fill", { instansiId: HOME.instansiId, unitIds: [] })).toBe(false);
    expect(can(actor, "answer.fill", { instansiId: OTHER_INSTANSI.instansiId, unitIds: [HOME.unitId] })).toBe(false);
  });

  it("Admin OPD cannot fill or manage evidence of another unit of the same instansi, but still of their own", () => {
    const actor = actorWith("ADMIN_OPD");
    for (const action of ["answer.fill", "answer.read", "evidence.manage", "comment.create", "recommendation.read", "recommendation.update-status", "external-index.enter"] as const) {
      expect(can(actor, action, SIBLING_UNIT), action).toBe(false);
      expect(can(actor, action, HOME), action).toBe(true);
    }
  });

  it("evidence another unit shared with the instansi: every Admin OPD there reads and attaches it, only its owner manages it", () => {
    const actor = actorWith("ADMIN_OPD");
    const shared = { ...SIBLING_UNIT, sharedWithInstansi: true };
    expect(can(actor, "evidence.read", SIBLING_UNIT)).toBe(false);
    expect(can(actor, "evidence.attach", SIBLING_UNIT)).toBe(false);
    expect(can(actor, "evidence.read", shared)).toBe(true);
    expect(can(actor, "evidence.attach", shared)).toBe(true);
    expect(can(actor, "evidence.manage", shared)).toBe(false);
    expect(can(actor, "evidence.read", { ...OTHER_INSTANSI, sharedWithInstansi: true })).toBe(false);
    // The instansi-wide roles read it anyway but never attach (they do not fill answers).
    expect(can(actorWith("ASESOR"), "evidence.attach", shared)).toBe(false);
  });

  it("the superadmin never edits an agency's answers", () => {
    const actor = actorWith("SUPERADMIN");
    for (const action of ["answer.fill", "answer.verify", "evidence.manage", "period.manage"] as const) {
      expect(can(actor, action, HOME)).toBe(false);
    }
  });

  it("fails closed on no actor, an unknown action and an unknown role", () => {
    expect(can(null, "results.read", HOME)).toBe(false);
    expect(can(actorWith("KOORDINATOR"), "answer.delete-everything" as Action, HOME)).toBe(false);
    const odd = actorWith("KOORDINATOR");
    odd.active = { ...odd.active, role: "OPERATOR" as Role };
    expect(ACTIONS.filter((action) => can(odd, action, HOME))).toEqual([]);
  });

  it("answers 401 without an actor, 404 for another instansi's record, 403 inside the own instansi", () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return "allowed";
      } catch (error) {
        return error instanceof AppError ? error.status : "other";
      }
    };
    const opd = actorWith("ADMIN_OPD");
    expect(codeOf(() => assertCan(null, "results.read", HOME))).toBe(401);
    expect(codeOf(() => assertCan(opd, "answer.fill", OTHER_INSTANSI))).toBe(404);
    expect(codeOf(() => assertCan(opd, "user.manage", HOME))).toBe(403);
    expect(codeOf(() => assertCan(opd, "answer.fill", HOME))).toBe("allowed");
  });
});
