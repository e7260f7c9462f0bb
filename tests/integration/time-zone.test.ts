// The agency's time zone is a setting of the instansi: the Koordinator sets it, the actor
// carries it, and the external results' objection window follows it.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { loadExternalResults } from "@/lib/assessment/external-results";
import { conflictVersion } from "@/lib/assessment/answer-lifecycle";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, loadedPeriod, requestContext, type Fixtures } from "./fixtures";
import { asRead } from "../support/as-read";

let fixtures: Fixtures;

beforeEach(async () => {
  await resetDatabase();
  fixtures = await createFixtures();
});

describe("agency time zone", () => {
  it("the Koordinator sets WIT; the actor and the objection window follow it; a bad zone is refused", async () => {
    const koordinator = await actorFor(fixtures, "KOORDINATOR");
    expect(koordinator.active.timeZone).toBe("WIB");
    const refused = await executeCommand(db, COMMANDS.setInstansiTimeZone, koordinator, requestContext, { timeZone: "UTC" }).catch((error: unknown) => error);
    expect(asRead(refused as AppError).details).toEqual([{ field: "timeZone", code: "custom", message: "Pilih WIB, WITA atau WIT." }].map((detail) => expect.objectContaining({ field: detail.field, message: detail.message })));

    expect(asRead(await executeCommand(db, COMMANDS.setInstansiTimeZone, koordinator, requestContext, { timeZone: "WIT" }))).toMatchObject({ message: "Zona waktu instansi menjadi WIT." });
    expect((await actorFor(fixtures, "ADMIN_OPD")).active.timeZone).toBe("WIT");
    expect((await db.instansi.findUniqueOrThrow({ where: { id: fixtures.other.instansiId } })).timeZone).toBe("WIB");
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "instansi.time-zone" } })).toMatchObject({ before: { timeZone: "WIB" }, after: { timeZone: "WIT" } });

    // 15:30 UTC on the deadline day is 00:30 the next day in WIT: the window has closed there.
    await db.assessmentPeriod.update({ where: { id: fixtures.home.periodId }, data: { objectionDeadline: new Date("2026-02-27T00:00:00Z") } });
    const late = new Date("2026-02-27T15:30:00Z");
    expect((await loadExternalResults(db, await loadedPeriod(fixtures, fixtures.home.periodId), late))!.window).toMatchObject({ state: "closed" });
    await db.instansi.update({ where: { id: fixtures.home.instansiId }, data: { timeZone: "WIB" } });
    expect((await loadExternalResults(db, await loadedPeriod(fixtures, fixtures.home.periodId), late))!.window).toMatchObject({ state: "open", daysLeft: 0 });
  });

  it("a save conflict shows the other person's save time in the agency's zone", async () => {
    await db.instansi.update({ where: { id: fixtures.home.instansiId }, data: { timeZone: "WIT" } });
    const answer = await db.answer.create({
      data: { periodId: fixtures.home.periodId, indicatorId: fixtures.framework.indicatorIds[1]!, stage: "SELF", level: "2", status: "DRAFT", updatedAt: new Date("2026-03-01T23:30:00Z") },
    });
    // 23:30 UTC is 08:30 the next morning in WIT.
    const current = await db.$transaction((tx) => conflictVersion(tx, { id: answer.id }));
    expect(current!.updatedAt).toMatch(/^2 Mar 2026.*08[.:]30.*WIT$/);
  });
});
