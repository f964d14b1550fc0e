// The burn-up chart with its figures as a table (for people who do not see the chart), labelled in the UI's locale.
import { getFormatter, getTranslations } from "next-intl/server";
import { BurnUpChart, type BurnUpPoint } from "@/components/progress/burn-up-chart";
import { chartTicks, formatDay } from "@/components/progress/format-day";
import type { CampaignProgress } from "@/lib/progress/schemas";
import { TableRegion } from "@/components/layout/table-region";

export async function BurnUpFigure({ burnUp }: { burnUp: CampaignProgress["burnUp"] }) {
  const [t, format] = await Promise.all([getTranslations("progress"), getFormatter()]);
  const points: BurnUpPoint[] = burnUp.days.map((entry) => ({
    day: entry.day,
    approved: entry.approved,
    target: burnUp.target,
    dayLabel: formatDay(format, entry.day, "short"),
    longDayLabel: formatDay(format, entry.day, "long"),
    approvedLabel: format.number(entry.approved),
  }));
  const top = Math.max(burnUp.target ?? 0, ...burnUp.days.map((entry) => entry.approved));
  const targetValue = burnUp.target === null ? null : format.number(burnUp.target);
  return (
    <figure className="stack" data-testid="burn-up-chart" aria-labelledby="burn-up-title">
      <figcaption id="burn-up-title">
        <h2>{t("chartTitle")}</h2>
      </figcaption>
      <BurnUpChart
        points={points}
        labels={{
          approved: t("chartApproved"),
          target: t("chartTarget"),
          day: t("chartDay"),
          items: t("chartItems"),
          targetValue,
          yTicks: chartTicks(top).map((value) => ({ value, label: format.number(value) })),
        }}
      />
      <details>
        <summary>{t("chartTable")}</summary>
        <TableRegion label={t("chartTable")}>
          <table data-testid="burn-up-table">
            <thead>
              <tr>
                <th scope="col">{t("chartDay")}</th>
                <th scope="col">{t("chartApproved")}</th>
                {targetValue !== null && <th scope="col">{t("chartTarget")}</th>}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.day} data-day={point.day}>
                  <th scope="row">{point.longDayLabel}</th>
                  <td>{point.approvedLabel}</td>
                  {targetValue !== null && <td>{targetValue}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  );
}
