import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/components/pay/day-format";
import { formatMoney } from "@/components/pay/format-money";
import { PrintButton } from "@/components/pay/print-button";
import { hasRole } from "@/lib/auth/permissions";
import { orNotFound, requirePageViewer } from "@/lib/http/page-guard";
import { getStatement } from "@/lib/pay/read-statements";
import "@/components/pay/pay.css";
import { TableRegion } from "@/components/layout/table-region";
import { ClientMessages } from "@/components/i18n/client-messages";

/** A statement to read and to print: every line, totals per currency and the SHA-256 of its CSV. */
export default async function StatementPage({ params }: { params: Promise<{ statementId: string }> }) {
  const viewer = await requirePageViewer("annotator");
  const { statementId } = await params;
  const [statement, t, format, locale] = await Promise.all([
    orNotFound(getStatement(viewer, statementId)),
    getTranslations("pay"),
    getFormatter(),
    getLocale(),
  ]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short", timeZone: statement.timeZone });
  return (
    <ClientMessages groups={["pay"]}>
      <article className="stack statement-print" data-testid="statement">
        <p className="no-print">
          <Link href={hasRole(viewer, "maintainer") ? `/admin/periods/${statement.periodId}` : "/me/statements"}>
            {hasRole(viewer, "maintainer") ? t("periodTitle", { label: statement.periodLabel }) : t("myTitle")}
          </Link>
        </p>
        <h1>{t("statementTitle", { label: statement.periodLabel, name: statement.personName })}</h1>
        <p>
          {t("statementFor", {
            name: statement.personName,
            email: statement.personEmail,
            start: formatDay(format, statement.periodStartsOn),
            end: formatDay(format, statement.periodEndsOn),
            timeZone: statement.timeZone,
          })}
        </p>
        <TableRegion label={t("lines")} className="table-scroll">
          <table data-testid="statement-lines">
            <thead>
              <tr>
                <th scope="col" className="number">
                  #
                </th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("campaign")}</th>
                <th scope="col" className="number">
                  {t("rate")}
                </th>
                <th scope="col" className="number">
                  {t("amount")}
                </th>
                <th scope="col">{t("note")}</th>
              </tr>
            </thead>
            <tbody>
              {statement.lines.map((line) => (
                <tr key={line.position} data-testid={`statement-line-${line.position}`}>
                  <td className="number">{line.position}</td>
                  <td>{when(line.occurredAt)}</td>
                  <td>{t(`kinds.${line.kind}`)}</td>
                  <td className="pay-id">{line.reviewId ?? line.itemId ?? "—"}</td>
                  <td>{line.campaign ?? "—"}</td>
                  <td className="number">{line.rate ? formatMoney(locale, line.rate, line.currency) : "—"}</td>
                  <td className="number">{formatMoney(locale, line.amount, line.currency)}</td>
                  <td>
                    {line.kind === "adjustment" && (
                      <>
                        {line.reason} <span className="muted">({t("addedByName", { name: line.addedBy ?? "" })})</span>
                      </>
                    )}
                    {line.itemRetractedAt && line.kind === "item" && (
                      <span className="pay-note" data-testid="retracted-note">
                        {t("retractedNote", { date: format.dateTime(new Date(line.itemRetractedAt), { dateStyle: "medium", timeZone: statement.timeZone }) })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {statement.totals.map((total) => (
                <tr key={total.currency}>
                  <th scope="row" colSpan={6}>
                    {t("total", { currency: total.currency })}
                  </th>
                  <td className="number" data-testid={`statement-total-${total.currency}`}>
                    <strong>{formatMoney(locale, total.amount, total.currency)}</strong>
                  </td>
                  <td />
                </tr>
              ))}
            </tfoot>
          </table>
        </TableRegion>
        <p className="pay-checksum">
          {t("hashNote")} <code data-testid="statement-sha256">{statement.csvSha256}</code>
        </p>
        <div className="row no-print">
          <a href={`/api/v1/statements/${statement.id}/csv`} download data-testid="statement-csv">
            {t("downloadCsv")}
          </a>
          <PrintButton />
        </div>
      </article>
    </ClientMessages>
  );
}
