import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatTotals } from "@/components/pay/format-money";
import { StatementDownloadCell } from "@/components/pay/statement-download-cell";
import { requirePageViewer } from "@/lib/http/page-guard";
import { listStatements } from "@/lib/pay/read-statements";
import "@/components/pay/pay.css";
import { TableRegion } from "@/components/layout/table-region";

/** A person's own statements of closed periods (maintainers find everyone's on the periods page). */
export default async function MyStatementsPage() {
  const viewer = await requirePageViewer("annotator");
  const [statements, t, tWording, format, locale] = await Promise.all([
    listStatements(viewer, { userId: viewer.id }),
    getTranslations("pay"),
    getTranslations("wording"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <section className="stack">
      <h1>{t("myTitle")}</h1>
      <p>{t("myIntro")}</p>
      {statements.length === 0 ? (
        <p>{t("myNone")}</p>
      ) : (
        <TableRegion label={t("myTitle")} className="table-scroll">
          <table data-testid="my-statements">
            <thead>
              <tr>
                <th scope="col">{t("period")}</th>
                <th scope="col">{t("closedAt")}</th>
                <th scope="col" className="number">
                  {t("totals")}
                </th>
                <th scope="col">{t("download")}</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((statement) => (
                <tr key={statement.id}>
                  <th scope="row">
                    <Link href={`/statements/${statement.id}`}>{statement.periodLabel}</Link>
                  </th>
                  <td>{format.dateTime(new Date(statement.closedAt), { dateStyle: "medium" })}</td>
                  <td className="number">{formatTotals(locale, statement.totals, t("nothingToPay"))}</td>
                  <StatementDownloadCell
                    statementId={statement.id}
                    csvSha256={statement.csvSha256}
                    label={tWording("downloadStatementFor", { label: statement.periodLabel })}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
