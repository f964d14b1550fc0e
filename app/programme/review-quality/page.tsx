import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { requirePageViewer } from "@/lib/http/page-guard";
import { agreementReport } from "@/lib/review-quality/agreement-report";
import { ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";
import { AgreementChart } from "@/components/review-quality/agreement-chart";
import { FigureTable, figureText } from "@/components/review-quality/figure-table";
import { GoldAccuracyTable } from "@/components/review-quality/gold-accuracy-table";
import "@/components/review-quality/review-quality.css";
import { TableRegion } from "@/components/layout/table-region";

type Search = { campaign?: string | string[]; language?: string | string[] };

export default async function ReviewQualityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePageViewer("maintainer");
  const search = await searchParams;
  const campaigns = await listCampaigns(viewer);
  // Only values the page offers filter the figures; anything else shows everything.
  const campaignId = campaigns.find((campaign) => campaign.id === search.campaign)?.id;
  const language = ITEM_LANGUAGES.find((candidate) => candidate === search.language) as ItemLanguage | undefined;
  const [report, t, tRoot, format] = await Promise.all([
    agreementReport(viewer, { campaignId, language }),
    getTranslations("reviewQuality"),
    getTranslations(),
    getFormatter(),
  ]);
  const query = new URLSearchParams({ ...(campaignId ? { campaignId } : {}), ...(language ? { language } : {}) }).toString();
  const monthLabel = (month: string) => format.dateTime(new Date(`${month}-01T12:00:00Z`), { year: "numeric", month: "short", timeZone: "UTC" });
  const points = report.byMonth.map((row) => ({
    month: row.key,
    monthLabel: monthLabel(row.key),
    agreement: row.percentAgreement.value,
    kappa: row.kappa.value,
  }));
  const rates = await Promise.all(report.firstPassApproval.map(async (row) => ({ ...row, text: await figureText(row.rate) })));
  return (
    <section className="stack review-quality">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form className="row" method="get">
        <div className="field">
          <label htmlFor="quality-campaign">{t("campaign")}</label>
          <select id="quality-campaign" name="campaign" defaultValue={campaignId ?? ""}>
            <option value="">{t("allCampaigns")}</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quality-language">{t("language")}</label>
          <select id="quality-language" name="language" defaultValue={language ?? ""}>
            <option value="">{t("allLanguages")}</option>
            {ITEM_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {tRoot(`languages.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("apply")}</button>
      </form>
      <p className="muted small-text">{t("minItemsNote", { count: report.minItems })}</p>
      <p>
        <Link href={`/api/v1/reports/agreement/export${query ? `?${query}` : ""}`} prefetch={false}>
          {t("downloadCsv")}
        </Link>
      </p>

      <h2>{t("overall")}</h2>
      {report.overall.items === 0 && <p>{t("none")}</p>}
      <FigureTable rows={[{ ...report.overall, label: t("overall") }]} testId="agreement-overall" caption={t("overall")} />
      <h2>{t("chartTitle")}</h2>
      <AgreementChart points={points} labels={{ agreement: t("percentAgreement"), kappa: t("kappa"), month: t("chartMonth") }} />
      <h2>{t("byMonth")}</h2>
      <FigureTable rows={report.byMonth.map((row) => ({ ...row, label: monthLabel(row.key) }))} testId="agreement-by-month" caption={t("byMonth")} />
      <h2>{t("byLanguage")}</h2>
      <FigureTable
        rows={report.byLanguage.map((row) => ({ ...row, label: tRoot(`languages.${row.key}`) }))}
        testId="agreement-by-language"
        caption={t("byLanguage")}
      />
      <h2>{t("byReviewer")}</h2>
      <FigureTable rows={report.byReviewer} testId="agreement-by-reviewer" caption={t("byReviewer")} />
      <h2>{t("byPair")}</h2>
      <FigureTable rows={report.byPair} testId="agreement-by-pair" caption={t("byPair")} />
      <h2>{t("byGuideline")}</h2>
      <FigureTable
        rows={report.byGuideline.map((row) => {
          // The report keys a guideline group "<language> v<version>" (also in the CSV); the page words it.
          const [language = "", version = "?"] = row.key.split(" v");
          return { ...row, label: t("guidelineGroup", { language: tRoot(`languages.${language}`), version }) };
        })}
        testId="agreement-by-guideline"
        caption={t("byGuideline")}
      />

      <h2>{t("firstPass")}</h2>
      <p className="muted">{t("firstPassHelp")}</p>
      <TableRegion label={t("firstPass")} className="table-scroll">
        <table data-testid="first-pass-approval">
          <thead>
            <tr>
              <th scope="col">{t("reviewer")}</th>
              <th scope="col">{t("items")}</th>
              <th scope="col">{t("approvalRate")}</th>
            </tr>
          </thead>
          <tbody>
            {rates.map((row) => (
              <tr key={row.reviewerId}>
                <th scope="row">{row.name}</th>
                <td className="number">{format.number(row.rate.items)}</td>
                <td>{row.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>{t("gold")}</h2>
      {report.gold.length === 0 ? (
        <p>{t("noGold")}</p>
      ) : (
        <GoldAccuracyTable rows={report.gold} withReviewer testId="gold-accuracy" />
      )}
    </section>
  );
}
