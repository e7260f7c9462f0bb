// The one place that decides who may do what. Route handlers, server actions and pages
// ask can()/assertCan() before reading or changing anything; the UI may hide a button,
// but that is never the check. Unknown roles and actions are refused (fail closed).
import { AppError } from "@/lib/errors";
import type { AgencyTimeZone } from "@/lib/i18n/time-zone";

export type Role = "SUPERADMIN" | "KOORDINATOR" | "ASESOR" | "ADMIN_OPD" | "PIMPINAN";

export type ActorMembership = {
  id: string;
  role: Role;
  instansiId: string | null;
  instansiName: string | null;
  unitId: string | null;
  unitName: string | null;
  /** The agency's time zone (WIB for the superadmin, who has none): deadlines and dates follow it. */
  timeZone: AgencyTimeZone;
};

/** The signed-in person acting through one of their memberships (the one they chose). */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  memberships: ActorMembership[];
  active: ActorMembership;
  /** Signed in with a temporary password: may do nothing but replace it. */
  mustChangePassword: boolean;
};

/**
 * Where a record lives, always taken from the database record, never from the client: its
 * instansi and the unit that owns it, or (an answer) the units it is assigned to.
 */
export type Scope = { instansiId: string; unitId?: string | null; unitIds?: readonly string[]; sharedWithInstansi?: boolean };

type Rule = (membership: ActorMembership, scope: Scope | undefined) => boolean;

const inInstansi = (membership: ActorMembership, scope: Scope | undefined) =>
  scope !== undefined && membership.instansiId !== null && membership.instansiId === scope.instansiId;

const roleIn = (...roles: Role[]) => (membership: ActorMembership) => roles.includes(membership.role);

const instansiRole =
  (...roles: Role[]): Rule =>
  (membership, scope) =>
    roleIn(...roles)(membership) && inInstansi(membership, scope);

/** Admin OPD acts only on records of their own unit. */
const ownUnit: Rule = (membership, scope) =>
  membership.role === "ADMIN_OPD" &&
  inInstansi(membership, scope) &&
  membership.unitId !== null &&
  (scope?.unitId === membership.unitId || !!scope?.unitIds?.includes(membership.unitId));

/** An evidence item its owner unit shared with the whole instansi: every Admin OPD there may use it. */
const sharedInInstansi: Rule = (membership, scope) => membership.role === "ADMIN_OPD" && inInstansi(membership, scope) && scope?.sharedWithInstansi === true;

const anyOf =
  (...rules: Rule[]): Rule =>
  (membership, scope) =>
    rules.some((rule) => rule(membership, scope));

const RULES = {
  // Deployment-wide: agencies and the national/provincial view.
  // Create and deactivate agencies, and recover their Koordinator accounts.
  "instansi.manage": (membership) => membership.role === "SUPERADMIN",
  "instansi.list": (membership) => membership.role === "SUPERADMIN",
  "results.read-all": (membership) => membership.role === "SUPERADMIN",
  // Frameworks are deployment-wide reference data: a new version is imported by the superadmin.
  "framework.import": (membership) => membership.role === "SUPERADMIN",

  // Reading inside one instansi.
  "instansi.read": instansiRole("KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"),
  "results.read": anyOf(instansiRole("KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"), (membership) => membership.role === "SUPERADMIN"),
  "answer.read-all": instansiRole("KOORDINATOR", "ASESOR", "PIMPINAN"),
  "audit.read": instansiRole("KOORDINATOR"),

  // Administration of the instansi.
  "unit.manage": instansiRole("KOORDINATOR"),
  "instansi.settings": instansiRole("KOORDINATOR"),
  "user.manage": instansiRole("KOORDINATOR"),
  "period.manage": instansiRole("KOORDINATOR"),
  "assignment.manage": instansiRole("KOORDINATOR"),
  "external-result.record": instansiRole("KOORDINATOR"),
  // Version move (issue 11): a period in Persiapan or Pengisian follows a newer version of its framework.
  "period.change-version": instansiRole("KOORDINATOR"),

  // The assessment itself.
  "answer.read": anyOf(instansiRole("KOORDINATOR", "ASESOR", "PIMPINAN"), ownUnit),
  "answer.fill": ownUnit,
  // The Excel worksheet: the Koordinator for every indicator, an Admin OPD for their unit's.
  "answer.import": anyOf(instansiRole("KOORDINATOR"), ownUnit),
  "answer.verify": instansiRole("ASESOR"),
  "comment.create": anyOf(instansiRole("KOORDINATOR", "ASESOR"), ownUnit),
  // The agency-wide evidence library (issue 15): an item belongs to its owner unit, whose
  // Admin OPD edits, shares and deletes it; an item shared with the instansi is found and
  // attached by every unit's Admin OPD (scope.sharedWithInstansi from the record).
  "evidence.read": anyOf(instansiRole("KOORDINATOR", "ASESOR", "PIMPINAN"), ownUnit, sharedInInstansi),
  "evidence.attach": anyOf(ownUnit, sharedInInstansi),
  "evidence.manage": ownUnit,

  // Target simulation and follow-up. Recommendations belong to an owner unit, whose
  // Admin OPD reports progress; only the Koordinator creates, edits and plans them.
  "simulation.run": instansiRole("KOORDINATOR", "ASESOR", "PIMPINAN"),
  "recommendation.read": anyOf(instansiRole("KOORDINATOR", "ASESOR", "PIMPINAN"), ownUnit),
  "recommendation.manage": instansiRole("KOORDINATOR"),
  "recommendation.update-status": anyOf(instansiRole("KOORDINATOR"), ownUnit),

  // Notifications (lib/notifications): everybody working in the agency reads, marks and
  // sets up their own; the Koordinator sets per-unit deadlines (lib/deadlines/effective.ts).
  "notification.read-own": instansiRole("KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"),
  "unit-deadline.manage": instansiRole("KOORDINATOR"),

  // External national indices (issue 12): the value another index (SDI, SJIG, IPS,
  // IKASANDI) gave the agency, entered by the indicator's owner unit or the Koordinator.
  "external-index.enter": anyOf(instansiRole("KOORDINATOR"), ownUnit),
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

export const ACTIONS = Object.keys(RULES) as Action[];

export function can(actor: Actor | null, action: Action, scope?: Scope): boolean {
  if (!actor) return false;
  const rule: Rule | undefined = (RULES as Record<string, Rule>)[action];
  if (!rule) return false;
  return rule(actor.active, scope);
}

/**
 * Which evidence items of their instansi the actor may read: every one (null), or only their
 * own unit's and those shared with the instansi. Queries turn this into their filter
 * (lib/policy-scope.ts readableEvidence) so lists never show what the record check refuses.
 */
export function evidenceReadLimit(actor: Actor, instansiId: string): { unitId: string | null } | null {
  return can(actor, "evidence.read", { instansiId, unitId: null }) ? null : { unitId: actor.active.unitId };
}

/**
 * Throws unless allowed: 401 without an actor, 404 when the record belongs to another
 * instansi (its existence must not leak), 403 otherwise.
 */
export function assertCan(actor: Actor | null, action: Action, scope?: Scope): asserts actor is Actor {
  if (!actor) throw new AppError("unauthorized");
  if (can(actor, action, scope)) return;
  if (scope && actor.active.role !== "SUPERADMIN" && actor.active.instansiId !== scope.instansiId) {
    throw new AppError("not_found");
  }
  throw new AppError("forbidden");
}

/**
 * For commands that work inside the actor's own instansi: 403 unless their role may do
 * `action` there. Records are then looked up within that instansi only, so another
 * agency's id answers exactly like an id that does not exist (404).
 */
export function assertCanInOwnInstansi(actor: Actor | null, action: Action): string {
  if (!actor) throw new AppError("unauthorized");
  const instansiId = actor.active.instansiId;
  // With the actor's own unit: unit-scoped work (an Admin OPD's) passes here and is then
  // checked against the record's unit.
  if (!instansiId || !can(actor, action, { instansiId, unitId: actor.active.unitId })) throw new AppError("forbidden");
  return instansiId;
}
