// A release's dataset card on its page: the YAML metadata as a short list of facts, the Markdown body rendered safely.
import { useFormatter, useTranslations } from "next-intl";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import { formatFileSize } from "@/components/releases/format-file-size";
import type { DatasetCardMetadata } from "@/lib/releases/dataset-card-front-matter";
import { ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";

const isItemLanguage = (code: string): code is ItemLanguage => (ITEM_LANGUAGES as readonly string[]).includes(code);

export function DatasetCardFacts({ metadata, items, totalBytes }: { metadata: DatasetCardMetadata; items: number | null; totalBytes: number }) {
  const t = useTranslations();
  const format = useFormatter();
  const size = [...(items === null ? [] : [t("releases.itemCount", { count: items })]), formatFileSize(format, totalBytes)];
  return (
    <dl className="inline-facts" data-testid="dataset-card-metadata">
      {metadata.prettyName && (
        <>
          <dt>{t("releases.datasetName")}</dt>
          <dd lang="en">{metadata.prettyName}</dd>
        </>
      )}
      <dt>{t("releases.license")}</dt>
      <dd>{metadata.license ?? "—"}</dd>
      <dt>{t("releases.languages")}</dt>
      <dd>{metadata.languages.map((code) => (isItemLanguage(code) ? t(`languages.${code}`) : code)).join(", ") || "—"}</dd>
      <dt>{t("releases.size")}</dt>
      {/* Hugging Face's size and task identifiers are codes, shown as such (not words of the UI language). */}
      <dd>
        {metadata.sizeCategories.map((category) => (
          <code key={category}>{category}</code>
        ))}
        {metadata.sizeCategories.length > 0 && " · "}
        {size.join(" · ")}
      </dd>
      {metadata.taskCategories.length > 0 && (
        <>
          <dt>{t("releases.taskCategories")}</dt>
          <dd className="code-list">
            {metadata.taskCategories.map((category) => (
              <code key={category}>{category}</code>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}

export function DatasetCardBody({ body }: { body: string }) {
  return (
    // The card is published with the files and written in English; `lang` lets screen readers read it as such.
    <div className="card dataset-card" data-testid="dataset-card" lang="en">
      {/* Under the page's "Dataset card" heading (h2): the card's own "# Title" becomes an h3, not a second h1. */}
      <SafeMarkdown text={body} below={2} />
    </div>
  );
}
