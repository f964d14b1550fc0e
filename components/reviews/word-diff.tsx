// A word-level diff between two versions of a text: removed words struck through, added words highlighted.
// Text only: the words are rendered as React text nodes, so nothing in them can become markup.
import { diffWords } from "diff";
import { useTranslations } from "next-intl";

export function WordDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  const t = useTranslations("history");
  const changes = diffWords(before, after);
  return (
    <div className="word-diff pre" data-testid={testId}>
      {changes.map((change, index) =>
        change.added ? (
          <ins key={index} title={t("added")}>
            {change.value}
          </ins>
        ) : change.removed ? (
          <del key={index} title={t("removed")}>
            {change.value}
          </del>
        ) : (
          <span key={index}>{change.value}</span>
        ),
      )}
    </div>
  );
}

export const TEXT_FIELDS = ["instruction", "context", "response"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type ItemText = Record<"instruction" | "response", string> & { context: string | null };

/** The fields whose text differs between two versions, each with its diff. */
export function TextDiff({ before, after, testId }: { before: ItemText; after: ItemText; testId?: string }) {
  const t = useTranslations("history");
  const changed = TEXT_FIELDS.filter((field) => (before[field] ?? "") !== (after[field] ?? ""));
  if (changed.length === 0) return <p className="muted small-text">{t("noTextChange")}</p>;
  return (
    <dl className="diff-fields" data-testid={testId}>
      {changed.map((field) => (
        <div key={field}>
          <dt>{t(`fields.${field}`)}</dt>
          <dd>
            <WordDiff before={before[field] ?? ""} after={after[field] ?? ""} testId={testId ? `${testId}-${field}` : undefined} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
