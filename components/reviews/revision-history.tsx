// Every revision of an item (submissions and reviewers' edits), each shown as a word diff against the one before.
import { useFormatter, useTranslations } from "next-intl";
import type { ItemHistoryView } from "@/lib/reviews/schemas";
import { TextDiff } from "@/components/reviews/word-diff";
import { EvidenceReport } from "@/components/provenance/evidence-report";

export function RevisionHistory({ revisions }: { revisions: ItemHistoryView["revisions"] }) {
  const t = useTranslations("history");
  const tProvenance = useTranslations("provenance");
  const format = useFormatter();
  return (
    <ol className="plain-list" data-testid="revisions">
      {[...revisions].reverse().map((revision) => {
        const previous = revisions.find((other) => other.number === revision.number - 1);
        return (
          <li key={revision.id} className="card stack" data-testid={`revision-${revision.number}`}>
            <p className="small-text">
              <strong>{t("revisionTitle", { number: revision.number })}</strong>{" "}
              <span className={revision.kind === "reviewer_edit" ? "tag tag-edit" : "tag"}>{t(`revisionKinds.${revision.kind}`)}</span>{" "}
              <span className="muted">
                {t("revisionMeta", {
                  author: revision.authorName,
                  date: format.dateTime(new Date(revision.createdAt), { dateStyle: "medium", timeStyle: "short" }),
                })}
              </span>
            </p>
            {previous ? (
              <TextDiff before={previous} after={revision} testId={`diff-${revision.number}`} />
            ) : (
              <p className="muted small-text">{t("firstRevision")}</p>
            )}
            {revision.evidence && (
              <details data-testid={`revision-evidence-${revision.number}`}>
                <summary>{tProvenance("revisionEvidence")}</summary>
                <EvidenceReport evidence={revision.evidence} heading={tProvenance("revisionEvidence")} testId={`revision-evidence-report-${revision.number}`} />
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
