import { getTranslations } from "next-intl/server";
import { getGuideline } from "@/lib/campaigns/get-guideline";
import { requirePageViewer } from "@/lib/http/page-guard";
import { getLeaseExpiry } from "@/lib/reviews/get-lease";
import { GuidelinePanel } from "@/components/reviews/guideline-panel";
import { loadItemHistory } from "@/components/reviews/load-item-history";
import { QualitySummary } from "@/components/reviews/quality-summary";
import { ReviewList } from "@/components/reviews/review-list";
import { ReviewScreen } from "@/components/reviews/review-screen";
import { RevisionHistory } from "@/components/reviews/revision-history";
import "@/components/reviews/reviews.css";

export default async function ReviewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("reviewer");
  const { id } = await params;
  const history = await loadItemHistory(viewer, id);
  const { item } = history;
  const [t, tRoot, tHistory, leaseExpiresAt, guideline] = await Promise.all([
    getTranslations("reviewScreen"),
    getTranslations(),
    getTranslations("history"),
    getLeaseExpiry(viewer, item.id),
    getGuideline(viewer, item.campaignId, item.language, item.guidelineVersion ?? undefined).catch(() => null),
  ]);
  const latest = history.revisions.at(-1);
  const approvalsThisRound = history.reviews.filter((review) => review.round === item.reviewRound && review.decision === "approve").length;
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <dl className="inline-facts" data-testid="item-facts">
        <dt>{t("language")}</dt>
        <dd>{tRoot(`languages.${item.language}`) + (item.variety ? ` (${item.variety})` : "")}</dd>
        <dt>{t("category")}</dt>
        <dd>{tRoot(`categories.${item.category}`)}</dd>
        <dt>{t("round")}</dt>
        <dd>{item.reviewRound}</dd>
        <dt>{t("approvalsRequired")}</dt>
        <dd>{t("approvalsSoFar", { count: approvalsThisRound, required: history.approvalsRequired })}</dd>
        <dt>{t("status")}</dt>
        <dd>{tHistory(`statuses.${item.status}`)}</dd>
      </dl>
      <div className="review-layout">
        <ReviewScreen
          item={item}
          leaseExpiresAt={leaseExpiresAt}
          qualityReport={<QualitySummary report={latest?.qualityReport ?? null} item={item} />}
        >
          <section className="stack" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">{t("previousReviews")}</h2>
            <ReviewList reviews={history.reviews} />
          </section>
          <section className="stack" aria-labelledby="revisions-heading">
            <h2 id="revisions-heading">{t("revisions")}</h2>
            <RevisionHistory revisions={history.revisions} />
          </section>
        </ReviewScreen>
        <GuidelinePanel guideline={guideline} />
      </div>
    </section>
  );
}
