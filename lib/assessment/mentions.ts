// Where someone was mentioned in an indicator's discussion, newest first, within one instansi.
import type { Db } from "@/lib/db";

export async function recentMentions(db: Db, userId: string, instansiId: string, take = 5) {
  const comments = await db.comment.findMany({
    where: { deletedAt: null, period: { instansiId }, mentions: { some: { userId } } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, body: true, createdAt: true, periodId: true, authorId: true, indicatorId: true },
  });
  // Most people have no mentions: the names are read only when there is something to show
  // (nested selects would send their queries for an empty list too).
  if (comments.length === 0) return [];
  const [authors, indicators] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(comments.map((comment) => comment.authorId))] } }, select: { id: true, name: true } }),
    db.frameworkNode.findMany({ where: { id: { in: [...new Set(comments.map((comment) => comment.indicatorId))] } }, select: { id: true, number: true, name: true } }),
  ]);
  const authorOf = new Map(authors.map((author) => [author.id, { name: author.name }]));
  const indicatorOf = new Map(indicators.map((indicator) => [indicator.id, { number: indicator.number, name: indicator.name }]));
  return comments.map(({ authorId, indicatorId, ...comment }) => ({
    ...comment,
    author: authorOf.get(authorId) ?? { name: "-" },
    indicator: indicatorOf.get(indicatorId) ?? { number: null, name: "" },
  }));
}
