import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { getLatestFrameworkVersion } from "@/lib/framework-versions/store";
import { toFrameworkDetail } from "@/lib/framework-versions/present";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ code: string }>(async ({ params }) => {
  const stored = await getLatestFrameworkVersion(db, params.code);
  if (!stored) throw new AppError("not_found");
  return toFrameworkDetail(stored);
});
