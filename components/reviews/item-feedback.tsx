// What an item's author learns from review: where the item stands, every decision with its comment and cited
// clauses, and the reviewers' corrections shown as word diffs against the text they started from.
import Link from "next/link";
import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ItemHistoryView } from "@/lib/reviews/schemas";
import { ReviewList } from "@/components/reviews/review-list";
import { RevisionHistory } from "@/components/reviews/revision-history";
import { TextDiff } from "@/components/reviews/word-diff";

/** `children`: what the viewer may do with the item now, shown under its status. */
export function ItemFeedback({
  history,
  viewerIsAuthor,
  children,
}: {
  history: ItemHistoryView;
  viewerIsAuthor: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations("history");
  const tStatus = useTranslations("itemStatuses");
  const format = useFormatter();
  const { item, revisions } = history;
  const reviewerEdits = revisions.filter((revision) => revision.kind === "reviewer_edit");
  const canRevise = viewerIsAuthor && (item.status === "changes_requested" || item.status === "draft");
  return (
    <div className="stack-large">
      <section className="card stack">
        <p>
          {t("statusLabel")}{" "}
          <strong className={`status status-${item.status}`} data-testid="history-status">
            {tStatus(item.status)}
          </strong>
        </p>
        {history.retraction && (
          <div className="stack" data-testid="retraction">
            <p>
              {t("retractedNotice", {
                name: history.retraction.byName ?? "—",
                date: format.dateTime(new Date(history.retraction.at), { dateStyle: "long" }),
              })}
            </p>
            <p className="pre">{history.retraction.reason}</p>
          </div>
        )}
        <p className="muted small-text">{t("policy", { count: history.approvalsRequired })}</p>
        {canRevise && (
          <p>
            <Link className="button-link" href={`/work/items/${item.id}`}>
              {t("revise")}
            </Link>
          </p>
        )}
      </section>
      {children}
      <section className="stack" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t("reviewsTitle")}</h2>
        <ReviewList reviews={[...history.reviews].reverse()} testId="feedback-reviews" />
      </section>
      <section className="stack" aria-labelledby="edits-heading" data-testid="reviewer-edits">
        <h2 id="edits-heading">{t("reviewerEditsTitle")}</h2>
        {reviewerEdits.length === 0 ? (
          <p className="muted">{t("noReviewerEdits")}</p>
        ) : (
          reviewerEdits.map((revision) => {
            const previous = revisions.find((other) => other.number === revision.number - 1);
            return (
              <article key={revision.id} className="card stack">
                <p className="small-text">{t("editedBy", { reviewer: revision.authorName, number: revision.number })}</p>
                {previous && <TextDiff before={previous} after={revision} testId={`reviewer-edit-${revision.number}`} />}
              </article>
            );
          })
        )}
      </section>
      <section className="stack" aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">{t("revisionsTitle")}</h2>
        <RevisionHistory revisions={revisions} />
      </section>
    </div>
  );
}
