"use client";
// The burn-up chart: approved items (cumulative) against the target. Every label arrives formatted by the server in
// the UI's locale; the chart only draws.
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend } from "@/components/charts/chart-legend";

export interface BurnUpPoint {
  day: string;
  approved: number;
  target: number | null;
  dayLabel: string;
  longDayLabel: string;
  approvedLabel: string;
}

export interface BurnUpLabels {
  approved: string;
  target: string;
  day: string;
  items: string;
  targetValue: string | null;
  yTicks: { value: number; label: string }[];
}

export function BurnUpChart({ points, labels }: { points: BurnUpPoint[]; labels: BurnUpLabels }) {
  const dayLabel = new Map(points.map((point) => [point.day, point.dayLabel]));
  const longDayLabel = new Map(points.map((point) => [point.day, point.longDayLabel]));
  const tickLabel = new Map(labels.yTicks.map((tick) => [tick.value, tick.label]));
  return (
    // A fixed drawing size that CSS scales to the page (progress.css): no inline style and no measuring, because the
    // Content-Security-Policy refuses style attributes in server-rendered HTML, which left a measured box 0 px high.
    <div className="burn-up-box">
      <ChartLegend
        series={[
          { name: labels.approved, colour: "#1f6f8b" },
          ...(labels.targetValue !== null ? [{ name: labels.target, colour: "#b5472a", dashed: true }] : []),
        ]}
      />
      <LineChart width={900} height={340} data={points} margin={{ top: 10, right: 24, bottom: 28, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="day"
          tickFormatter={(day: string) => dayLabel.get(day) ?? day}
          minTickGap={24}
          label={{ value: labels.day, position: "insideBottom", offset: -18 }}
        />
        <YAxis
          ticks={labels.yTicks.map((tick) => tick.value)}
          domain={[0, labels.yTicks.at(-1)?.value ?? "auto"]}
          tickFormatter={(value: number) => tickLabel.get(value) ?? String(value)}
          label={{ value: labels.items, angle: -90, position: "insideLeft" }}
        />
        <Tooltip
          labelFormatter={(day) => longDayLabel.get(String(day)) ?? String(day)}
          formatter={(value, _name, entry) =>
            entry.dataKey === "target" ? (labels.targetValue ?? String(value)) : (entry.payload as BurnUpPoint).approvedLabel
          }
        />
        <Line type="stepAfter" dataKey="approved" name={labels.approved} stroke="#1f6f8b" dot={false} strokeWidth={2} isAnimationActive={false} />
        {labels.targetValue !== null && (
          <Line dataKey="target" name={labels.target} stroke="#b5472a" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        )}
      </LineChart>
    </div>
  );
}
