import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { AdjudicationQueue } from "@/components/reviews/adjudication-queue";
import "@/components/reviews/reviews.css";

export default async function AdjudicationsPage() {
  await requirePageViewer("maintainer");
  const t = await getTranslations("adjudications");
  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AdjudicationQueue />
    </section>
  );
}
