// Which stage's index stands for a period when only one number fits: a point on the trend
// line, an agency's row in the national view.
import type { AssessmentScore } from "@/lib/scoring";

export const HEADLINE_STAGES = ["SELF", "INTERNAL_VERIFICATION", "FINAL"] as const;
export type HeadlineStage = (typeof HEADLINE_STAGES)[number];

/**
 * The final result once it is recorded; else the verified index, but only once
 * verification has covered every self-assessed indicator (until then unverified
 * indicators count 0 there, and a half-verified period would look like a collapse next to
 * last year's official result); else the self-assessment.
 */
export function headlineStage(scores: Readonly<Record<HeadlineStage, AssessmentScore>>): HeadlineStage {
  if (scores.FINAL.answeredCount > 0) return "FINAL";
  const verified = scores.INTERNAL_VERIFICATION.answeredCount;
  if (verified > 0 && verified >= scores.SELF.answeredCount) return "INTERNAL_VERIFICATION";
  return "SELF";
}
