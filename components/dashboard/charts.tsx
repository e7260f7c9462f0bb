"use client";

// The dashboards' charts: thin recharts wrappers fed with numbers the server computed.
// They are decoration for sighted readers: every chart sits in a ChartFigure whose table
// carries the same numbers, so the drawing itself is hidden from assistive technology.
// Loaded through lazy-charts.tsx, so recharts stays out of the page's first load.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartSeries = { key: string; label: string; color: string; dashed?: boolean };
/** One category (a domain, an aspect, a year, a bin) with a value per series key. */
export type ChartRow = { label: string; name?: string } & Record<string, string | number | null | undefined>;
export type SeriesChartProps = { rows: ChartRow[]; series: ChartSeries[]; max?: number };

const indexText = (value: unknown) => (typeof value === "number" ? value.toFixed(2).replace(".", ",") : "-");
const tooltipLabel = (label: unknown, payload: readonly { payload?: ChartRow }[]) => payload[0]?.payload?.name ?? String(label);
const HEIGHT = 300;

export function StageRadar({ rows, series, max = 5 }: SeriesChartProps) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT + 40}>
      <RadarChart data={rows} outerRadius="80%" margin={{ top: 16, right: 56, bottom: 32, left: 56 }} accessibilityLayer={false}>
        <PolarGrid />
        <PolarAngleAxis dataKey="label" tick={{ fontSize: 12 }} />
        <PolarRadiusAxis domain={[0, max]} tickCount={6} angle={90} tick={{ fontSize: 10 }} />
        {series.map((item) => (
          <Radar key={item.key} name={item.label} dataKey={item.key} stroke={item.color} fill={item.color} fillOpacity={0.15} isAnimationActive={false} />
        ))}
        <Tooltip formatter={indexText} labelFormatter={tooltipLabel} />
        <Legend wrapperStyle={{ bottom: 0 }} />
      </RadarChart>
    </ResponsiveContainer>
  );
}

export function StageBars({ rows, series, max = 5 }: SeriesChartProps) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, max]} tickCount={6} tick={{ fontSize: 12 }} width={28} />
        {series.map((item) => (
          <Bar key={item.key} name={item.label} dataKey={item.key} fill={item.color} isAnimationActive={false} />
        ))}
        <Tooltip formatter={indexText} labelFormatter={tooltipLabel} />
        <Legend />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrendLines({ rows, series, max = 5 }: SeriesChartProps) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <LineChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, max]} tickCount={6} tick={{ fontSize: 12 }} width={28} />
        {series.map((item) => (
          <Line
            key={item.key}
            name={item.label}
            dataKey={item.key}
            stroke={item.color}
            strokeWidth={2}
            strokeDasharray={item.dashed ? "5 4" : undefined}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        <Tooltip formatter={indexText} />
        <Legend />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Counts per bin (agencies per index range). */
export function CountBars({ rows, series }: SeriesChartProps) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      <BarChart data={rows} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={28} />
        {series.map((item) => (
          <Bar key={item.key} name={item.label} dataKey={item.key} fill={item.color} isAnimationActive={false} />
        ))}
        <Tooltip />
      </BarChart>
    </ResponsiveContainer>
  );
}
