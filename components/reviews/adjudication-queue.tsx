"use client";
// Maintainers' disputes: items one reviewer approved and another rejected, with both reviews, decided for good.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ProblemField, ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { useAdjudications, useItemHistory, useResolveAdjudication } from "@/components/reviews/review-queries";
import { ReviewList } from "@/components/reviews/review-list";
import { TEXT_FIELDS } from "@/components/reviews/word-diff";
import { useHydrated } from "@/components/use-hydrated";
import type { AdjudicationView } from "@/lib/reviews/schemas";

function DisputeCard({ dispute, onResolved }: { dispute: AdjudicationView; onResolved: (message: string) => void }) {
  const t = useTranslations("adjudications");
  const tHistory = useTranslations("history");
  const tQuality = useTranslations("reviewQuality");
  const tRoot = useTranslations();
  const history = useItemHistory(dispute.item.id);
  const resolve = useResolveAdjudication(dispute.id);
  const hydrated = useHydrated();
  const [comment, setComment] = useState("");
  const { item } = dispute;
  const problems = useFormProblems(`dispute-${item.id}`, resolve.error, ["comment"]);
  const commentField = problems.field("comment");
  const reviews = history.data?.reviews.filter((review) => review.round === dispute.round) ?? [];
  const submit = (decision: "approve" | "reject") =>
    resolve.mutate(
      { decision, comment },
      { onSuccess: () => onResolved(t(decision === "approve" ? "resolvedApproved" : "resolvedRejected", { id: item.id })) },
    );
  return (
    <article className="card stack" data-testid={`dispute-${item.id}`}>
      <h2>
        {tRoot(`languages.${item.language}`)} · {tRoot(`categories.${item.category}`)}{" "}
        <span className="muted small-text">{t("round", { round: dispute.round })}</span>
      </h2>
      {TEXT_FIELDS.map((field) =>
        field === "context" && item.context === null ? null : (
          <div key={field} className="field">
            <h3 className="field-title">{tHistory(`fields.${field}`)}</h3>
            <div className="pre item-text">{item[field]}</div>
          </div>
        ),
      )}
      <h3>{t("reviews")}</h3>
      {history.isPending ? <p>{t("loading")}</p> : <ReviewList reviews={reviews} testId={`dispute-reviews-${item.id}`} />}
      <p className="small-text">
        <Link href={`/history/${item.id}`}>{t("fullHistory")}</Link>
      </p>
      <ProblemField label={t("comment")} placed={commentField}>
        {(attributes) => <textarea rows={3} value={comment} onChange={(event) => setComment(event.target.value)} {...attributes} />}
      </ProblemField>
      {dispute.secondReview && (
        <div className="stack" data-testid="second-review-dispute">
          <p className="muted">{tQuality("secondReviewDispute")}</p>
          <p>
            <strong>{tQuality("secondReviewLabel")}</strong> · {dispute.secondReview.reviewerName} ·{" "}
            {tRoot(`reviewDecisions.${dispute.secondReview.decision}`)}
          </p>
          <p className="pre">{dispute.secondReview.comment}</p>
        </div>
      )}
      {dispute.ownItem && (
        <p className="muted" data-testid="own-item">
          {t("ownItem")}
        </p>
      )}
      <div className="row">
        <button type="button" className="decision-button decision-approve" disabled={!hydrated || resolve.isPending || dispute.ownItem} onClick={() => submit("approve")}>
          {t("approve")}
        </button>
        <button type="button" className="decision-button decision-reject" disabled={!hydrated || resolve.isPending || dispute.ownItem} onClick={() => submit("reject")}>
          {t("reject")}
        </button>
      </div>
      <ProblemSummary problems={problems} links={[commentField]} />
    </article>
  );
}

export function AdjudicationQueue() {
  const t = useTranslations("adjudications");
  const disputes = useAdjudications();
  const [resolved, setResolved] = useState<string[]>([]);
  return (
    <div className="stack-large">
      <div role="status">
        {resolved.length > 0 && (
          <ul className="plain-list" data-testid="resolved">
            {resolved.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
      {disputes.isPending && <p>{t("loading")}</p>}
      {disputes.error && <p className="error">{t("failed")}</p>}
      {disputes.data?.length === 0 && <p data-testid="no-disputes">{t("none")}</p>}
      {disputes.data?.map((dispute) => (
        <DisputeCard key={dispute.id} dispute={dispute} onResolved={(message) => setResolved((list) => [...list, message])} />
      ))}
    </div>
  );
}
