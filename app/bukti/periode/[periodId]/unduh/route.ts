// All evidence of a period as one ZIP, streamed (one folder per indicator).
import { db } from "@/lib/db";
import { periodEvidenceArchive } from "@/lib/evidence/period-archive";
import { zipStream } from "@/lib/export/zip-stream";
import { sessionRoute } from "@/lib/http/session-route";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export const GET = sessionRoute<{ periodId: string }>({ anonymous: "sign-in", action: "evidence.read" }, async ({ params, requestId, actor }) => {
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
