// Where someone was mentioned in an indicator's discussion, newest first, within one instansi.
import type { Db } from "@/lib/db";

export async function recentMentions(db: Db, userId: string, instansiId: string, take = 5) {
  const mentions = await db.commentMention.findMany({
    where: { userId, comment: { deletedAt: null, period: { instansiId } } },
    orderBy: { comment: { createdAt: "desc" } },
    take,
    select: {
      comment: {
        select: { id: true, body: true, createdAt: true, periodId: true, author: { select: { name: true } }, indicator: { select: { number: true, name: true } } },
      },
    },
  });
  return mentions.map(({ comment }) => comment);
}
