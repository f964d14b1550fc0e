// Gold accuracy per reviewer (left out on a reviewer's own page), language and guideline version, rendered on the server.
import { getFormatter, getTranslations } from "next-intl/server";
import { figureText } from "@/components/review-quality/figure-table";
import type { AgreementReport } from "@/lib/review-quality/schemas";
import { TableRegion } from "@/components/layout/table-region";

export async function GoldAccuracyTable({ rows, withReviewer, testId }: { rows: AgreementReport["gold"]; withReviewer: boolean; testId: string }) {
  const [t, tRoot, format] = await Promise.all([getTranslations("reviewQuality"), getTranslations(), getFormatter()]);
  const texts = await Promise.all(rows.map((row) => figureText(row.accuracy)));
  return (
    <TableRegion label={t("gold")} className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            {withReviewer && <th scope="col">{t("reviewer")}</th>}
            <th scope="col">{t("language")}</th>
            <th scope="col">{t("guideline")}</th>
            <th scope="col">{t("answered")}</th>
            <th scope="col">{t("matched")}</th>
            <th scope="col">{t("accuracy")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.reviewerId}-${row.language}-${row.guidelineVersion}`}>
              {withReviewer && <th scope="row">{row.name}</th>}
              <td>{tRoot(`languages.${row.language}`)}</td>
              <td>{row.guidelineVersion === null ? "—" : `v${format.number(row.guidelineVersion)}`}</td>
              <td className="number">{format.number(row.answered)}</td>
              <td className="number">{format.number(row.matched)}</td>
              <td>{texts[index]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
