import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/permissions";
import { getItemRecord } from "@/lib/explorer/get-item-record";
import { orNotFound, requirePageViewer } from "@/lib/http/page-guard";
import { getItemHistory } from "@/lib/reviews/get-item-history";
import { ItemFullText, ItemRecordView } from "@/components/explorer/item-record-view";
import { ItemFeedback } from "@/components/reviews/item-feedback";
import { QualitySummary } from "@/components/reviews/quality-summary";
import { GoldItemPanel } from "@/components/review-quality/gold-item-panel";
import { getGoldItem } from "@/lib/review-quality/mark-gold-item";
import { RetractItemPanel } from "@/components/reviews/retract-item-panel";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/reviews/reviews.css";
import "@/components/explorer/explorer.css";
import "@/components/provenance/provenance.css";

export default async function ItemHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("annotator");
  const { id } = await params;
  const [history, t] = await Promise.all([orNotFound(getItemHistory(viewer, id)), getTranslations("history")]);
  const record = await getItemRecord(viewer, history.item.id);
  const latest = history.revisions.at(-1);
  const maintainer = hasRole(viewer, "maintainer");
  const gold = maintainer && history.item.status === "approved" ? await getGoldItem(viewer, history.item.id) : null;
  return (
    <ClientMessages groups={["apiErrors", "common", "history", "reviewQuality", "reviewScreen"]}>
      <section className="stack">
        <h1>{t("title")}</h1>
        <p className="pre item-excerpt">{history.item.instruction}</p>
        {/* Opening it in the editor, for its author while it is theirs to edit, is ItemFeedback's "Revise" link. */}
        <ItemFullText item={history.item} />
        {latest?.qualityReport && <QualitySummary report={latest.qualityReport} item={history.item} />}
        <ItemFeedback history={history} viewerIsAuthor={history.item.authorId === viewer.id}>
          {/* Only offered where it can succeed; retractItem checks the role again on the server. */}
          {maintainer && history.item.status === "approved" && <GoldItemPanel itemId={history.item.id} gold={gold} />}
          {maintainer && history.item.status === "approved" && <RetractItemPanel itemId={history.item.id} />}
        </ItemFeedback>
        <ItemRecordView record={record} />
      </section>
    </ClientMessages>
  );
}
