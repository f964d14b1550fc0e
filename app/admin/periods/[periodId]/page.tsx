import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AdjustmentForm } from "@/components/pay/adjustment-form";
import { ClosePeriodButton } from "@/components/pay/close-period-button";
import { formatDay } from "@/components/pay/day-format";
import { formatMoney, formatTotals } from "@/components/pay/format-money";
import { StatementDownloadCell } from "@/components/pay/statement-download-cell";
import { orNotFound, requirePageViewer } from "@/lib/http/page-guard";
import { listAdjustments } from "@/lib/pay/adjustments";
import { getPayPeriod } from "@/lib/pay/list-pay-periods";
import { listStatements, periodCsvFile } from "@/lib/pay/read-statements";
import { listUsers } from "@/lib/users/list-users";
import "@/components/pay/pay.css";
import { TableRegion } from "@/components/layout/table-region";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function PayPeriodPage({ params }: { params: Promise<{ periodId: string }> }) {
  const viewer = await requirePageViewer("maintainer");
  const { periodId } = await params;
  const period = await orNotFound(getPayPeriod(viewer, periodId));
  const [t, tWording, format, locale, adjustments] = await Promise.all([
    getTranslations("pay"),
    getTranslations("wording"),
    getFormatter(),
    getLocale(),
    listAdjustments(viewer, periodId),
  ]);
  const closed = period.status === "closed";
  const statements = closed ? await listStatements(viewer, { periodId }) : [];
  const everyone = closed ? await periodCsvFile(viewer, periodId) : null;
  const people = closed ? [] : (await listUsers(viewer)).filter((user) => user.active);
  const totalText = formatTotals(locale, period.totals, t("nothingToPay"));
  return (
    <ClientMessages groups={["common", "pay"]}>
      <section className="stack-large">
        <div className="stack">
          <p>
            <Link href="/admin/periods">{t("periodsTitle")}</Link>
          </p>
          <h1>{t("periodTitle", { label: period.label })}</h1>
          <p>
            {t("daysRange", { start: formatDay(format, period.startsOn), end: formatDay(format, period.endsOn) })} ({period.timeZone}) ·{" "}
            <span className={`pay-status pay-status-${period.status}`}>{t(`statuses.${period.status}`)}</span>
          </p>
          {closed && period.closedAt && (
            <p>{t("closedBy", { date: format.dateTime(new Date(period.closedAt), { dateStyle: "medium", timeStyle: "short", timeZone: period.timeZone }), name: period.closedBy ?? "" })}</p>
          )}
          <p>
            {t("totals")}: <strong data-testid="period-totals">{totalText}</strong>
          </p>
          {!closed && (
            <ClosePeriodButton
              periodId={period.id}
              label={period.label}
              ended={period.ended}
              endsOnText={formatDay(format, period.endsOn)}
              totalText={totalText}
            />
          )}
        </div>

        {closed && (
          <section className="stack" aria-labelledby="statements-title">
            <h2 id="statements-title">{t("statementsTitle")}</h2>
            {everyone && statements.length > 0 && (
              <p>
                <a href={`/api/v1/pay-periods/${period.id}/statements/csv`} download data-testid="everyone-csv">
                  {t("allCsv")}
                </a>{" "}
                <span className="pay-checksum muted">
                  {t("sha256")} <code data-testid="everyone-sha256">{everyone.sha256}</code>
                </span>
              </p>
            )}
            {statements.length === 0 ? (
              <p>{t("noStatements")}</p>
            ) : (
              <TableRegion label={t("statementsTitle")} className="table-scroll">
                <table data-testid="period-statements">
                  <thead>
                    <tr>
                      <th scope="col">{t("person")}</th>
                      <th scope="col" className="number">
                        {t("lines")}
                      </th>
                      <th scope="col" className="number">
                        {t("totals")}
                      </th>
                      <th scope="col">{t("download")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {statements.map((statement) => (
                      <tr key={statement.id} data-testid={`statement-of-${statement.personEmail}`}>
                        <th scope="row">
                          <Link href={`/statements/${statement.id}`}>{statement.personName}</Link>
                          <div className="muted small-text">{statement.personEmail}</div>
                        </th>
                        <td className="number">{format.number(statement.lineCount)}</td>
                        <td className="number">{formatTotals(locale, statement.totals, t("nothingToPay"))}</td>
                        <StatementDownloadCell
                          statementId={statement.id}
                          csvSha256={statement.csvSha256}
                          label={tWording("downloadStatementOf", { name: statement.personName })}
                        />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </section>
        )}

        <section className="stack" aria-labelledby="adjustments-title">
          <h2 id="adjustments-title">{t("adjustmentsTitle")}</h2>
          <p className="muted">{closed ? t("adjustmentsClosed") : t("adjustmentsIntro")}</p>
          {adjustments.length === 0 ? (
            <p>{t("noAdjustments")}</p>
          ) : (
            <TableRegion label={t("adjustmentsTitle")} className="table-scroll">
              <table data-testid="adjustments">
                <thead>
                  <tr>
                    <th scope="col">{t("person")}</th>
                    <th scope="col" className="number">
                      {t("amount")}
                    </th>
                    <th scope="col">{t("reason")}</th>
                    <th scope="col">{t("addedBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {adjustments.map((adjustment) => (
                    <tr key={adjustment.id}>
                      <th scope="row">{adjustment.personName}</th>
                      <td className="number">{formatMoney(locale, adjustment.amount, adjustment.currency)}</td>
                      <td>{adjustment.reason}</td>
                      <td>{adjustment.addedBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {!closed && <AdjustmentForm periodId={period.id} people={people.map(({ id, name, email }) => ({ id, name, email }))} />}
        </section>
      </section>
    </ClientMessages>
  );
}
