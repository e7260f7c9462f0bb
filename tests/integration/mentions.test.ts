// The dashboard's "mentioned in" list: the comments naming a person in their own agency,
// newest first, with author and indicator, never a deleted comment or another agency's.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recentMentions } from "@/lib/assessment/mentions";
import { resetDatabase } from "./db-reset";
import { createFixtures, type Fixtures } from "./fixtures";

let f: Fixtures;

beforeAll(async () => {
  await resetDatabase();
  f = await createFixtures();
});

async function comment(at: Fixtures["home"], indicator: number, body: string, mentioned: string[], createdAt: Date, deletedAt: Date | null = null) {
  await db.comment.create({
    data: {
      periodId: at.periodId,
      indicatorId: f.framework.indicatorIds[indicator]!,
      authorId: at.userIds.ASESOR,
      body,
      createdAt,
      deletedAt,
      mentions: { create: mentioned.map((userId) => ({ userId })) },
    },
  });
}

describe("recentMentions", () => {
  it("is empty for someone nobody mentioned", async () => {
    expect(await recentMentions(db, f.home.userIds.PIMPINAN, f.home.instansiId)).toEqual([]);
  });

  it("lists the agency's comments naming the person, newest first, with author and indicator", async () => {
    const owner = f.home.userIds.ADMIN_OPD;
    await comment(f.home, 1, "Lama", [owner], new Date("2026-03-01T08:00:00Z"));
    await comment(f.home, 2, "Baru", [owner, f.home.userIds.KOORDINATOR], new Date("2026-03-02T08:00:00Z"));
    await comment(f.home, 3, "Dihapus", [owner], new Date("2026-03-03T08:00:00Z"), new Date("2026-03-03T09:00:00Z"));
    await comment(f.home, 4, "Tanpa sebutan", [], new Date("2026-03-04T08:00:00Z"));
    // The same person in another agency's discussion (not theirs to see here).
    await comment(f.other, 1, "Agensi lain", [owner], new Date("2026-03-05T08:00:00Z"));

    const mentions = await recentMentions(db, owner, f.home.instansiId);
    expect(mentions.map((mention) => mention.body)).toEqual(["Baru", "Lama"]);
    expect(mentions[0]).toMatchObject({ periodId: f.home.periodId, author: { name: "ASESOR rumah" }, indicator: { number: 2 } });
    expect(mentions[0]!.indicator.name.length).toBeGreaterThan(0);
    expect(await recentMentions(db, owner, f.home.instansiId, 1)).toHaveLength(1);
  });
});
