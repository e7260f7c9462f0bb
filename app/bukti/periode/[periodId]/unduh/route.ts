// All evidence of a period as one ZIP, streamed (one folder per indicator).
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { periodEvidenceArchive } from "@/lib/evidence/period-archive";
import { AppError } from "@/lib/errors";
import { zipStream } from "@/lib/export/zip-stream";
import { apiRoute } from "@/lib/http/api-route";
import { messages } from "@/lib/i18n/messages";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ periodId: string }>(async ({ params, requestId }) => {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthorized");
  if (actor.mustChangePassword) throw new AppError("forbidden", { message: messages.id.account.mustChangeFirst });
  const archive = await periodEvidenceArchive(db, actor, params.periodId);
  const chunks = zipStream(archive.entries);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        log.error("evidence archive failed", { requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${archive.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
