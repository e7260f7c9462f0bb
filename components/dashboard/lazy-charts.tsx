"use client";

// recharts is large: the charts load after the page is interactive, and the numbers are
// already on the page in each figure's table, so nothing waits for them.
// (next/dynamic wants its options written out at every call.)
import dynamic from "next/dynamic";

function Placeholder() {
  return <div className="h-[300px] w-full animate-pulse rounded-md bg-slate-100" />;
}

export const StageRadar = dynamic(() => import("./charts").then((charts) => charts.StageRadar), { ssr: false, loading: Placeholder });
export const StageBars = dynamic(() => import("./charts").then((charts) => charts.StageBars), { ssr: false, loading: Placeholder });
export const TrendLines = dynamic(() => import("./charts").then((charts) => charts.TrendLines), { ssr: false, loading: Placeholder });
export const CountBars = dynamic(() => import("./charts").then((charts) => charts.CountBars), { ssr: false, loading: Placeholder });
