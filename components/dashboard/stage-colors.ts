import type { HeadlineStage } from "@/lib/dashboard/headline-stage";
import { Decimal, INDEX_DECIMALS } from "@/lib/scoring";

/** One colour per stage on every chart: self in the brand blue, verified green, final amber. */
export const STAGE_COLORS: Record<HeadlineStage, string> = { SELF: "#1d5fbf", INTERNAL_VERIFICATION: "#15803d", FINAL: "#b45309" };

/** An exact index as the number a chart plots: rounded half-up like the printed index. */
export const chartNumber = (exact: string) => Decimal.parse(exact).toRoundedNumber(INDEX_DECIMALS);
