export { Decimal, isDecimalString, NON_TERMINATING_PLACES } from "@/lib/decimal";
export { formatIndex } from "./format";
export { DEFAULT_PREDICATE_BASIS, INDEX_DECIMALS, predicateFor, type PredicateBasis } from "./predicate";
export {
  InvalidScoreValuesError,
  scoreAssessment,
  type AssessmentScore,
  type IndicatorTrail,
  type NodeScore,
  type NodeTrail,
  type ScoreOptions,
  type ScoreValue,
  type ScoreValues,
} from "./score";
export { validateValues, type ValueIssue, type ValueIssueCode } from "./validate-values";
