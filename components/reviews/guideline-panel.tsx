// The guideline an item was written under, beside the item, rendered as sanitised Markdown.
import { useTranslations } from "next-intl";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import type { GuidelineView } from "@/lib/campaigns/schemas";

export function GuidelinePanel({ guideline }: { guideline: GuidelineView | null }) {
  const t = useTranslations("reviewScreen");
  return (
    <aside className="card review-guidelines" aria-labelledby="guidelines-heading" data-testid="guidelines">
      <h2 id="guidelines-heading">{guideline ? t("guidelinesTitle", { version: guideline.version }) : t("guidelinesMissing")}</h2>
      {guideline && <SafeMarkdown text={guideline.body} below={2} clauseAnchors />}
    </aside>
  );
}
