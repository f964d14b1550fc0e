// Tables of agreement figures, rendered on the server in the reader's locale: each figure as its estimate with its 95 %
// interval, or why there is none ("too few items", "no variation"), beside the number of items behind it.
import { getFormatter, getTranslations } from "next-intl/server";
import type { AgreementFigures } from "@/lib/review-quality/schemas";
import { RUBRIC } from "@/lib/reviews/schemas";
import { TableRegion } from "@/components/layout/table-region";

type Figure = AgreementFigures["kappa"];

export async function figureText(figure: Figure): Promise<string> {
  const [t, format] = await Promise.all([getTranslations("reviewQuality"), getFormatter()]);
  if (figure.note === "too_few_items") return t("tooFew");
  if (figure.note === "no_variation" || figure.value === null) return t("noVariation");
  const number = (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (figure.low === null || figure.high === null) return number(figure.value);
  return t("interval", { value: number(figure.value), low: number(figure.low), high: number(figure.high) });
}

export async function FigureTable({ rows, testId, caption }: { rows: AgreementFigures[]; testId: string; caption: string }) {
  const [t, tHistory, format] = await Promise.all([getTranslations("reviewQuality"), getTranslations("history"), getFormatter()]);
  const cells = await Promise.all(
    rows.map(async (row) => ({
      row,
      agreement: await figureText(row.percentAgreement),
      kappa: await figureText(row.kappa),
      alpha: await Promise.all(RUBRIC.map((criterion) => figureText(row.alpha[criterion]))),
    })),
  );
  return (
    <TableRegion label={caption} className="table-scroll">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("group")}</th>
            <th scope="col">{t("items")}</th>
            <th scope="col">{t("percentAgreement")}</th>
            <th scope="col">{t("kappa")}</th>
            {RUBRIC.map((criterion) => (
              <th scope="col" key={criterion}>
                {t("alpha", { criterion: tHistory(`criteria.${criterion}`) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map(({ row, agreement, kappa, alpha }) => (
            <tr key={row.key} data-testid={`figures-${row.key}`}>
              <th scope="row">{row.label}</th>
              <td className="number">{format.number(row.items)}</td>
              <td data-testid="percent-agreement">{agreement}</td>
              <td data-testid="kappa">{kappa}</td>
              {alpha.map((text, index) => (
                <td key={RUBRIC[index]}>{text}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
