import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { getLatestFrameworkVersion } from "@/lib/framework-versions/store";
import { toScoreResponse } from "@/lib/framework-versions/present";
import { scoreAssessment, validateValues } from "@/lib/scoring";
import { ZScoreRequest } from "@/lib/validation/frameworks";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ code: string }>(async ({ params, json }) => {
  const body = await json(ZScoreRequest);
  const stored = await getLatestFrameworkVersion(db, params.code);
  if (!stored) throw new AppError("not_found");
  const issues = validateValues(stored.definition, body.values);
  if (issues.length > 0) throw new AppError("validation_failed", { details: issues });
  const score = scoreAssessment(stored.definition, body.values, { predicateBasis: body.predicateBasis });
  return toScoreResponse(stored, body.predicateBasis, score);
});
