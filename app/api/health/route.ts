import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { blobKey, getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

// A key nothing is stored under: asking for it proves the storage answers (disk or S3).
const PROBE_KEY = blobKey("health", "0".repeat(64));

async function checkDatabase(): Promise<string | null> {
  try {
    await db.$queryRaw`SELECT 1`;
    return null;
  } catch (error) {
    return isDatabaseUnavailable(error) ? "database unreachable" : "database check failed";
  }
}

async function checkStorage(): Promise<string | null> {
  try {
    await getStorage().stat(PROBE_KEY);
    return null;
  } catch {
    return "storage unreachable";
  }
}

// Public (load balancers ask it); its own 503 body names what is down.
export const GET = apiRoute(async () => {
  const [database, storage] = await Promise.all([checkDatabase(), checkStorage()]);
  const reasons = [database, storage].filter((reason): reason is string => reason !== null);
  const body = {
    status: reasons.length === 0 ? "ok" : "error",
    db: database ? "unreachable" : "ok",
    storage: storage ? "unreachable" : "ok",
    ...(reasons.length > 0 ? { reason: reasons.join("; ") } : {}),
  };
  return Response.json(body, { status: reasons.length === 0 ? 200 : 503, headers: { "cache-control": "no-store" } });
});
