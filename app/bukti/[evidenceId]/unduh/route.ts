// The one download path of evidence files (session-authenticated). ?pratinjau=1 shows a
// PDF or an image in the browser; everything else is always a download.
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { evidenceDownload } from "@/lib/evidence/download";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { messages } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ evidenceId: string }>(async ({ request, params }) => {
  const actor = await getActor();
  if (!actor) {
    const back = new URL(request.url).pathname;
    return new Response(null, { status: 303, headers: { location: `/masuk?kembali=${encodeURIComponent(back)}` } });
  }
  if (actor.mustChangePassword) throw new AppError("forbidden", { message: messages.id.account.mustChangeFirst });
  const preview = new URL(request.url).searchParams.get("pratinjau") === "1";
  return evidenceDownload(db, actor, params.evidenceId, { preview });
});
