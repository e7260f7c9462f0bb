// The one download path of evidence files (session-authenticated). ?pratinjau=1 shows a
// PDF or an image in the browser; everything else is always a download.
import { db } from "@/lib/db";
import { evidenceDownload } from "@/lib/http/evidence-download";
import { sessionRoute } from "@/lib/http/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute<{ evidenceId: string }>({ anonymous: "sign-in", action: "evidence.read" }, async ({ request, params, actor }) => {
  const preview = new URL(request.url).searchParams.get("pratinjau") === "1";
  return evidenceDownload(db, actor, params.evidenceId, { preview });
});
