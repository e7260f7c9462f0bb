import { db } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listLatestFrameworkVersions } from "@/lib/framework-versions/store";
import { toFrameworkSummary } from "@/lib/framework-versions/present";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const versions = await listLatestFrameworkVersions(db);
  return { frameworks: versions.map(toFrameworkSummary) };
});
