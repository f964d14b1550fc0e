// Items per language × category of a release, with totals, as its manifest counted them.
import { useFormatter, useTranslations } from "next-intl";
import { ITEM_CATEGORIES } from "@/lib/vocabulary";
import type { ReleaseStatistics } from "@/lib/releases/schemas";
import { TableRegion } from "@/components/layout/table-region";

export function ReleaseStatisticsTable({ statistics }: { statistics: ReleaseStatistics }) {
  const t = useTranslations();
  const format = useFormatter();
  const languages = statistics.languages.filter((language) => language.items > 0);
  // Only categories the release has, in the product's order, so the table stays narrow.
  const categories = ITEM_CATEGORIES.filter((category) => languages.some((language) => (language.categories[category] ?? 0) > 0));
  const count = (value: number) => format.number(value);
  return (
    <TableRegion label={t("releases.statistics")} className="table-scroll">
      <table className="release-statistics" aria-labelledby="release-statistics-title">
        <thead>
          <tr>
            <th scope="col">{t("releases.language")}</th>
            {categories.map((category) => (
              <th key={category} scope="col" className="number">
                {t(`categories.${category}`)}
              </th>
            ))}
            <th scope="col" className="number">
              {t("releases.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {languages.map((language) => (
            <tr key={language.language} data-testid={`statistics-${language.language}`}>
              <th scope="row">{t(`languages.${language.language}`)}</th>
              {categories.map((category) => (
                <td key={category} className="number">
                  {count(language.categories[category] ?? 0)}
                </td>
              ))}
              <td className="number">{count(language.items)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="statistics-total">
            <th scope="row">{t("releases.allLanguages")}</th>
            {categories.map((category) => (
              <td key={category} className="number">
                {count(languages.reduce((sum, language) => sum + (language.categories[category] ?? 0), 0))}
              </td>
            ))}
            <td className="number">{count(statistics.items)}</td>
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
