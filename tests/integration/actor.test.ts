// loadActor runs on every signed-in request: one statement, and still exactly the rules
// of who may act (active account, matching session version, active memberships in
// active agencies, the chosen membership or the first).
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { resetDatabase } from "./db-reset";
import { createFixtures, type Fixtures } from "./fixtures";
import { countingClient } from "./query-counter";

const counter = countingClient();
let fixtures: Fixtures;
let userId: string;
let neighbourMembershipId: string;

beforeAll(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
  userId = fixtures.home.userIds.ASESOR;
  const neighbour = await db.membership.create({ data: { userId, instansiId: fixtures.other.instansiId, role: "PIMPINAN" } });
  neighbourMembershipId = neighbour.id;
  await db.membership.create({ data: { userId, instansiId: fixtures.other.instansiId, role: "KOORDINATOR", isActive: false } });
});

afterAll(async () => {
  await counter.client.$disconnect();
});

it("loads the person, their memberships, agencies and units in one statement", async () => {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  let actor;
  const statements = await counter.statementsOf(async (client) => (actor = await loadActor(client, userId, { sessionVersion })));
  expect(statements).toHaveLength(1);
  expect(actor).toMatchObject({
    userId,
    email: "asesor@rumah.uji",
    mustChangePassword: false,
    active: { role: "ASESOR", instansiId: fixtures.home.instansiId, instansiName: "Instansi rumah", unitId: null, unitName: null },
    memberships: [
      { role: "ASESOR", instansiId: fixtures.home.instansiId },
      { id: neighbourMembershipId, role: "PIMPINAN", instansiId: fixtures.other.instansiId, instansiName: "Instansi tetangga" },
    ],
  });

  const opd = await loadActor(db, fixtures.home.userIds.ADMIN_OPD);
  expect(opd?.active).toMatchObject({ role: "ADMIN_OPD", unitId: fixtures.home.unitIds[0], unitName: "Unit A rumah" });
  expect((await loadActor(db, fixtures.superadminId))?.active).toMatchObject({ role: "SUPERADMIN", instansiId: null, instansiName: null });
});

it("acts through the chosen membership, or the first when the choice is not theirs", async () => {
  expect((await loadActor(db, userId, { membershipId: neighbourMembershipId }))?.active.id).toBe(neighbourMembershipId);
  expect((await loadActor(db, userId, { membershipId: fixtures.home.membershipIds.KOORDINATOR }))?.active.role).toBe("ASESOR");
});

it("refuses an old session version, an inactive account, and leaves out inactive agencies", async () => {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  expect(await loadActor(db, userId, { sessionVersion: sessionVersion - 1 })).toBeNull();

  await db.instansi.update({ where: { id: fixtures.other.instansiId }, data: { isActive: false } });
  expect((await loadActor(db, userId))?.memberships.map((membership) => membership.role)).toEqual(["ASESOR"]);
  expect(await loadActor(db, fixtures.other.userIds.KOORDINATOR)).toBeNull();

  await db.user.update({ where: { id: userId }, data: { isActive: false } });
  expect(await loadActor(db, userId)).toBeNull();
  expect(await loadActor(db, "tidak-ada")).toBeNull();
});
