"use client";
// The burn-up chart: approved items (cumulative) against the target, with the same figures as a table for people
// who do not see the chart.
import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useDayFormat } from "@/components/progress/day-format";
import type { CampaignProgress } from "@/lib/progress/schemas";

export function BurnUpChart({ burnUp }: { burnUp: CampaignProgress["burnUp"] }) {
  const t = useTranslations("progress");
  const format = useFormatter();
  const days = useDayFormat();
  const points = burnUp.days.map((entry) => ({ ...entry, target: burnUp.target }));
  const approvedName = t("chartApproved");
  const targetName = t("chartTarget");
  return (
    <figure className="stack" data-testid="burn-up-chart" aria-labelledby="burn-up-title">
      <figcaption id="burn-up-title">
        <h2>{t("chartTitle")}</h2>
      </figcaption>
      <div style={{ width: "100%", height: 340 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 10, right: 24, bottom: 28, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => days.short(day)}
              minTickGap={24}
              label={{ value: t("chartDay"), position: "insideBottom", offset: -18 }}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(value: number) => format.number(value)}
              label={{ value: t("chartItems"), angle: -90, position: "insideLeft" }}
            />
            <Tooltip
              labelFormatter={(day) => days.long(String(day))}
              formatter={(value) => format.number(Number(value))}
            />
            <Legend verticalAlign="top" />
            <Line type="stepAfter" dataKey="approved" name={approvedName} stroke="#1f6f8b" dot={false} strokeWidth={2} isAnimationActive={false} />
            {burnUp.target !== null && (
              <Line dataKey="target" name={targetName} stroke="#b5472a" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t("chartTable")}</summary>
        <table data-testid="burn-up-table">
          <thead>
            <tr>
              <th scope="col">{t("chartDay")}</th>
              <th scope="col">{approvedName}</th>
              {burnUp.target !== null && <th scope="col">{targetName}</th>}
            </tr>
          </thead>
          <tbody>
            {burnUp.days.map((entry) => (
              <tr key={entry.day} data-day={entry.day}>
                <th scope="row">{days.long(entry.day)}</th>
                <td>{format.number(entry.approved)}</td>
                {burnUp.target !== null && <td>{format.number(burnUp.target)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
