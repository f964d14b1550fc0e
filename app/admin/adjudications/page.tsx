import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { AdjudicationQueue } from "@/components/reviews/adjudication-queue";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/reviews/reviews.css";

export default async function AdjudicationsPage() {
  await requirePageViewer("maintainer");
  const t = await getTranslations("adjudications");
  const common = await getTranslations("common");
  return (
    <ClientMessages
      groups={[
        "adjudications", "apiErrors", "categories", "history", "languages", "reviewDecisions", "reviewQuality",
      ]}
    >
      <section className="stack">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        {/* The reviews' dates are formatted in the browser: Basque and Galician need the locale data first. */}
        <LocaleDataGate fallback={<p>{common("loading")}</p>}>
          <AdjudicationQueue />
        </LocaleDataGate>
      </section>
    </ClientMessages>
  );
}
