import { getTranslations } from "next-intl/server";
import { orNotFound, requirePageViewer } from "@/lib/http/page-guard";
import { getReviewContext } from "@/lib/reviews/get-review-context";
import { GuidelinePanel } from "@/components/reviews/guideline-panel";
import { QualitySummary } from "@/components/reviews/quality-summary";
import { EvidenceReport } from "@/components/provenance/evidence-report";
import { ReviewList } from "@/components/reviews/review-list";
import { ReviewScreen } from "@/components/reviews/review-screen";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { RevisionHistory } from "@/components/reviews/revision-history";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/reviews/reviews.css";
import "@/components/provenance/provenance.css";

export default async function ReviewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("reviewer");
  const { id } = await params;
  const [{ history, leaseExpiresAt, guideline, approvals }, t, tRoot, tHistory] = await Promise.all([
    orNotFound(getReviewContext(viewer, id)),
    getTranslations("reviewScreen"),
    getTranslations(),
    getTranslations("history"),
  ]);
  const { item } = history;
  const latest = history.revisions.at(-1);
  // The author's counters as submitted, then any reviewer's edits since, each with their own counters.
  const submission = history.revisions.findLast((revision) => revision.kind === "submission");
  const editsSince = history.revisions.filter((revision) => revision.kind === "reviewer_edit" && revision.number > (submission?.number ?? 0));
  return (
    <ClientMessages
      groups={[
        "adjudications", "apiErrors", "decisionChecks", "editor", "errors", "history", "itemStatuses", "languageId",
        "quality", "reviewQuality", "reviewScreen", "uiLabels",
      ]}
    >
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
          <dd>{approvals.count === null ? approvals.required : t("approvalsSoFar", { count: approvals.count, required: approvals.required })}</dd>
          <dt>{t("status")}</dt>
          <dd>{tRoot(`itemStatuses.${item.status}`)}</dd>
        </dl>
        {/* The lease's time is formatted in the browser: with the locale's data, like every date the server formats. */}
        <LocaleDataGate fallback={<p>{tRoot("common.loading")}</p>}>
          <div className="review-layout">
            <ReviewScreen
              item={item}
              leaseExpiresAt={leaseExpiresAt}
              qualityReport={
                <>
                  <QualitySummary report={latest?.qualityReport ?? null} item={item} />
                  <EvidenceReport evidence={submission?.evidence ?? null} heading={tRoot("provenance.authorEvidence")} testId="author-evidence" />
                  {editsSince.map((revision) => (
                    <EvidenceReport
                      key={revision.id}
                      evidence={revision.evidence}
                      heading={tRoot("provenance.editEvidence", { name: revision.authorName, number: revision.number })}
                      testId={`edit-evidence-${revision.number}`}
                    />
                  ))}
                </>
              }
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
        </LocaleDataGate>
      </section>
    </ClientMessages>
  );
}
