// The progress grid as a table: one row per language × category, each language's total after its rows, the totals
// per category, and the grand total. Rendered on the server, numbers in the UI's locale.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ServerFormatter } from "@/components/progress/format-day";
import type { CampaignProgress, ProgressCounts } from "@/lib/progress/schemas";
import { TableRegion } from "@/components/layout/table-region";

export function formatPercent(format: ServerFormatter, percentDone: number): string {
  return format.number(percentDone / 100, { style: "percent", maximumFractionDigits: 1 });
}

function CountCells({ counts, format, noTarget }: { counts: ProgressCounts; format: ServerFormatter; noTarget: string }) {
  const optional = (value: number | null) => (value === null ? <span className="muted">{noTarget}</span> : format.number(value));
  return (
    <>
      <td>{optional(counts.target)}</td>
      <td>{format.number(counts.approved)}</td>
      <td>{format.number(counts.inReview)}</td>
      <td>{format.number(counts.drafts)}</td>
      <td>{optional(counts.remaining)}</td>
      <td>{counts.percentDone === null ? <span className="muted">{noTarget}</span> : formatPercent(format, counts.percentDone)}</td>
    </>
  );
}

export async function ProgressGrid({ progress }: { progress: CampaignProgress }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const noTarget = t("progress.noTarget");
  return (
    <TableRegion label={t("progress.gridCaption")}>
      <table className="progress-grid" data-testid="progress-grid">
        <caption>{t("progress.gridCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("items.language")}</th>
            <th scope="col">{t("items.category")}</th>
            <th scope="col">{t("progress.target")}</th>
            <th scope="col">{t("progress.approved")}</th>
            <th scope="col">{t("progress.inReview")}</th>
            <th scope="col">{t("progress.drafts")}</th>
            <th scope="col">{t("progress.remaining")}</th>
            <th scope="col">{t("progress.percentDone")}</th>
          </tr>
        </thead>
        {progress.languageTotals.map((total) => (
          <tbody key={total.language}>
            {progress.cells
              .filter((cell) => cell.language === total.language)
              .map((cell) => (
                <tr key={cell.category} data-testid={`progress-cell-${cell.language}-${cell.category}`}>
                  <th scope="row">{t(`languages.${cell.language}`)}</th>
                  <td>{t(`categories.${cell.category}`)}</td>
                  <CountCells counts={cell} format={format} noTarget={noTarget} />
                </tr>
              ))}
            <tr className="progress-total" data-testid={`progress-total-${total.language}`}>
              <th scope="row" colSpan={2}>
                {t("progress.languageTotal", { language: t(`languages.${total.language}`) })}
              </th>
              <CountCells counts={total} format={format} noTarget={noTarget} />
            </tr>
          </tbody>
        ))}
        <tbody>
          {progress.categoryTotals.map((total) => (
            <tr key={total.category} className="progress-total" data-testid={`progress-total-${total.category}`}>
              <th scope="row" colSpan={2}>
                {t("progress.categoryTotal", { category: t(`categories.${total.category}`) })}
              </th>
              <CountCells counts={total} format={format} noTarget={noTarget} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="progress-total" data-testid="progress-total">
            <th scope="row" colSpan={2}>
              {t("progress.grandTotal")}
            </th>
            <CountCells counts={progress.total} format={format} noTarget={noTarget} />
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
