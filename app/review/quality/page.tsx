import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { myReviewQuality } from "@/lib/review-quality/my-review-quality";
import { FigureTable, figureText } from "@/components/review-quality/figure-table";
import { GoldAccuracyTable } from "@/components/review-quality/gold-accuracy-table";
import "@/components/review-quality/review-quality.css";

export default async function MyReviewQualityPage() {
  const viewer = await requirePageViewer("reviewer");
  const [mine, t, tRoot, format] = await Promise.all([myReviewQuality(viewer), getTranslations("reviewQuality"), getTranslations(), getFormatter()]);
  const accuracy = await figureText(mine.goldAccuracy);
  const range = (min: number | null, max: number | null) => (min !== null && max !== null ? t("expectedRange", { min, max }) : null);
  return (
    <section className="stack review-quality">
      <h1>{t("myTitle")}</h1>
      <p>{t("myIntro")}</p>
      <p className="muted small-text">{t("minItemsNote", { count: mine.minItems })}</p>

      <h2>{t("gold")}</h2>
      <p data-testid="gold-summary">
        {t("goldSummary", { matched: mine.goldMatched, answered: mine.goldAnswered })} · {accuracy}
      </p>
      {mine.goldByLanguage.length > 0 && <GoldAccuracyTable rows={mine.goldByLanguage} withReviewer={false} testId="my-gold-accuracy" />}

      <h2>{t("agreementWithPeers")}</h2>
      <FigureTable rows={[{ ...mine.agreement, label: viewer.name }]} testId="my-agreement" caption={t("agreementWithPeers")} />

      <h2>{t("missedTitle")}</h2>
      {mine.missedGold.length === 0 ? (
        <p>{t("missedNone")}</p>
      ) : (
        <ul className="stack plain-list" data-testid="missed-gold">
          {mine.missedGold.map((missed) => (
            <li key={missed.itemId} className="card stack" data-testid={`missed-${missed.itemId}`}>
              <p className="pre item-excerpt">{missed.instruction}</p>
              <dl className="inline-facts">
                <dt>{t("language")}</dt>
                <dd>{tRoot(`languages.${missed.language}`)}</dd>
                <dt>{t("yourDecision")}</dt>
                <dd>{tRoot(`reviewScreen.decide.${missed.decision}`)}</dd>
                <dt>{t("expectedDecision")}</dt>
                <dd>
                  {tRoot(`reviewScreen.decide.${missed.expectedDecision}`)}
                  {range(missed.expectedScoreMin, missed.expectedScoreMax) && ` · ${range(missed.expectedScoreMin, missed.expectedScoreMax)}`}
                </dd>
                <dt>{t("decidedOn")}</dt>
                <dd>{format.dateTime(new Date(missed.decidedAt), { dateStyle: "medium" })}</dd>
              </dl>
              {missed.explanation && (
                <p>
                  <strong>{t("explanation")}:</strong> {missed.explanation}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/review">{tRoot("reviewQueue.title")}</Link>
      </p>
    </section>
  );
}
