import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/permissions";
import { orNotFound, requirePageViewer } from "@/lib/http/page-guard";
import { getItemHistory } from "@/lib/reviews/get-item-history";
import { ItemFeedback } from "@/components/reviews/item-feedback";
import { RetractItemPanel } from "@/components/reviews/retract-item-panel";
import "@/components/reviews/reviews.css";
import "@/components/provenance/provenance.css";

export default async function ItemHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("annotator");
  const { id } = await params;
  const [history, t] = await Promise.all([orNotFound(getItemHistory(viewer, id)), getTranslations("history")]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="pre item-excerpt">{history.item.instruction}</p>
      <ItemFeedback history={history} viewerIsAuthor={history.item.authorId === viewer.id}>
        {/* Only offered where it can succeed; retractItem checks the role again on the server. */}
        {hasRole(viewer, "maintainer") && history.item.status === "approved" && <RetractItemPanel itemId={history.item.id} />}
      </ItemFeedback>
    </section>
  );
}
