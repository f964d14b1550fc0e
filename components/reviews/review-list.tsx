// Reviews of an item as everyone who may see them reads them: decision, rubric scores, comment, cited clauses.
import { useTranslations } from "next-intl";
import { useFigureFormat } from "@/components/productivity/format-figures";
import { RUBRIC, type ItemHistoryView } from "@/lib/reviews/schemas";

type ReviewEntry = ItemHistoryView["reviews"][number];

export function ReviewList({ reviews, testId = "reviews" }: { reviews: ReviewEntry[]; testId?: string }) {
  const t = useTranslations("history");
  const tDecision = useTranslations("reviewDecisions");
  // Through the global Intl when it formats, so the locale data LocaleDataGate installs (Basque, Galician) is used.
  const format = useFigureFormat();
  if (reviews.length === 0) return <p className="muted">{t("noReviews")}</p>;
  return (
    <ol className="plain-list" data-testid={testId}>
      {reviews.map((review) => (
        <li key={review.id} className="card stack review-entry" data-testid={`review-${review.id}`}>
          <p className="small-text">
            <strong className={`decision decision-${review.decision}`}>{tDecision(review.decision)}</strong>{" "}
            <span className="muted">
              {t("reviewMeta", {
                reviewer: review.reviewerName,
                round: review.round,
                revision: review.revisionNumber,
                date: format.dateTime(new Date(review.createdAt), { dateStyle: "medium", timeStyle: "short" }),
              })}
            </span>
          </p>
          {review.comment && <p className="pre review-comment">{review.comment}</p>}
          {review.citedClauses.length > 0 && (
            <p className="small-text">
              {t("citedClauses")}{" "}
              {review.citedClauses.map((clause) => (
                <span key={clause} className="tag">
                  {clause}
                </span>
              ))}
            </p>
          )}
          <dl className="inline-facts small-text">
            {RUBRIC.map((criterion) => (
              <div key={criterion} className="contents">
                <dt>{t(`criteria.${criterion}`)}</dt>
                <dd>{review.scores[criterion] ?? "—"} / 5</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
