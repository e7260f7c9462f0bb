import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", db: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const reason = isDatabaseUnavailable(error) ? "database unreachable" : "database check failed";
    return Response.json({ status: "error", db: "unreachable", reason }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
