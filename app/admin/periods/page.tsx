import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CreatePeriodForm } from "@/components/pay/create-period-form";
import { formatDay } from "@/components/pay/day-format";
import { formatTotals } from "@/components/pay/format-money";
import { env } from "@/lib/env";
import { requirePageViewer } from "@/lib/http/page-guard";
import { listPayPeriods } from "@/lib/pay/list-pay-periods";
import "@/components/pay/pay.css";
import { TableRegion } from "@/components/layout/table-region";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function PayPeriodsPage() {
  const viewer = await requirePageViewer("maintainer");
  const [periods, t, format, locale] = await Promise.all([listPayPeriods(viewer), getTranslations("pay"), getFormatter(), getLocale()]);
  return (
    <ClientMessages groups={["common", "pay"]}>
      <section className="stack-large">
        <div className="stack">
          <h1>{t("periodsTitle")}</h1>
          <p>{t("periodsIntro")}</p>
          <p className="muted">{t("closeRule")}</p>
        </div>
        <CreatePeriodForm timeZone={env().ESCRIBA_PROGRAMME_TIME_ZONE} />
        {periods.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <TableRegion label={t("periodsTitle")} className="table-scroll">
            <table data-testid="pay-periods">
              <thead>
                <tr>
                  <th scope="col">{t("period")}</th>
                  <th scope="col">{t("days")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col" className="number">
                    {t("statements")}
                  </th>
                  <th scope="col" className="number">
                    {t("totals")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {periods.map((period) => (
                  <tr key={period.id} data-testid={`pay-period-${period.label}`}>
                    <th scope="row">
                      <Link href={`/admin/periods/${period.id}`}>{period.label}</Link>
                    </th>
                    <td>{t("daysRange", { start: formatDay(format, period.startsOn), end: formatDay(format, period.endsOn) })}</td>
                    <td>
                      <span className={`pay-status pay-status-${period.status}`}>{t(`statuses.${period.status}`)}</span>
                    </td>
                    <td className="number">{period.status === "closed" ? format.number(period.statements) : "—"}</td>
                    <td className="number">{formatTotals(locale, period.totals, t("nothingToPay"))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </ClientMessages>
  );
}
