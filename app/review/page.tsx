import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";
import { ReviewQueue } from "@/components/reviews/review-queue";

export default async function ReviewPage() {
  const viewer = await requirePageViewer("reviewer");
  const [t, queue] = await Promise.all([getTranslations("reviewQueue"), countReviewQueue(viewer)]);
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ReviewQueue queue={queue} />
    </section>
  );
}
