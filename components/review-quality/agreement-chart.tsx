"use client";
// Percent agreement and Cohen's κ month by month. Labels arrive formatted by the server in the UI's locale; months
// with too few items have no point (a gap), never a made-up number.
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend } from "@/components/charts/chart-legend";

export interface AgreementPoint {
  month: string;
  monthLabel: string;
  agreement: number | null;
  kappa: number | null;
}

export function AgreementChart({ points, labels }: { points: AgreementPoint[]; labels: { agreement: string; kappa: string; month: string } }) {
  const monthLabel = new Map(points.map((point) => [point.month, point.monthLabel]));
  return (
    <div className="agreement-chart-box" data-testid="agreement-chart">
      <ChartLegend
        series={[
          { name: labels.agreement, colour: "#1f6f8b" },
          { name: labels.kappa, colour: "#b5472a" },
        ]}
      />
      <LineChart width={900} height={300} data={points} margin={{ top: 10, right: 24, bottom: 28, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tickFormatter={(month: string) => monthLabel.get(month) ?? month} label={{ value: labels.month, position: "insideBottom", offset: -18 }} />
        <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} />
        <Tooltip labelFormatter={(month) => monthLabel.get(String(month)) ?? String(month)} formatter={(value) => (typeof value === "number" ? value.toFixed(2) : String(value))} />
        <Line dataKey="agreement" name={labels.agreement} stroke="#1f6f8b" strokeWidth={2} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="kappa" name={labels.kappa} stroke="#b5472a" strokeWidth={2} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </div>
  );
}
