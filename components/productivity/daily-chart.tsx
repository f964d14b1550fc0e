"use client";
// A bar chart of a daily series (recharts) with the same figures as a table for screen readers and keyboards.
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, useFigureFormat } from "@/components/productivity/format-figures";
import { TableRegion } from "@/components/layout/table-region";

export interface DailySeries {
  key: string;
  label: string;
  color: string;
}

export function DailyChart({
  title,
  testId,
  days,
  series,
  formatValue,
}: {
  title: string;
  testId: string;
  days: ({ date: string } & Record<string, number | string>)[];
  series: DailySeries[];
  formatValue: (value: number) => string;
}) {
  const t = useTranslations("productivity");
  const format = useFigureFormat();
  const titleId = `${testId}-title`;
  return (
    <figure className="daily-chart card" aria-labelledby={titleId} data-testid={testId}>
      <figcaption id={titleId}>
        <h3>{title}</h3>
      </figcaption>
      <div className="chart-area">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={(date: string) => formatDay(format, date, "short")} minTickGap={12} />
            <YAxis allowDecimals={false} tickFormatter={(value: number) => formatValue(value)} width={48} />
            <Tooltip
              labelFormatter={(date) => formatDay(format, String(date))}
              formatter={(value, name) => [formatValue(Number(value)), series.find((line) => line.key === name)?.label ?? String(name)]}
            />
            {series.map((line) => (
              <Bar key={line.key} dataKey={line.key} name={line.key} fill={line.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t("showTable")}</summary>
        <TableRegion label={t("showTable")}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                {series.map((line) => (
                  <th key={line.key} scope="col" className="number">
                    {line.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{formatDay(format, day.date)}</th>
                  {series.map((line) => (
                    <td key={line.key} className="number">
                      {formatValue(Number(day[line.key]))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  );
}
