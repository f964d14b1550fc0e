import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProvenanceDashboard } from "@/components/provenance/provenance-dashboard";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { requirePageViewer } from "@/lib/http/page-guard";
import { addDays } from "@/lib/productivity/period";
import { programmeCalendar } from "@/lib/productivity/programme-calendar";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/provenance/provenance.css";

export default async function ProvenancePage() {
  await requirePageViewer("maintainer");
  const [t, common] = await Promise.all([getTranslations("provenance.admin"), getTranslations("common")]);
  const { today } = programmeCalendar();
  return (
    <ClientMessages groups={["apiErrors", "provenance"]}>
      <section className="stack">
        <h1>{t("title")}</h1>
        <p>
          {t("intro")} <Link href="/about/provenance">{t("aboutLink")}</Link>
        </p>
        <LocaleDataGate fallback={<p>{common("loading")}</p>}>
          <ProvenanceDashboard initialFrom={addDays(today, -29)} initialTo={today} />
        </LocaleDataGate>
      </section>
    </ClientMessages>
  );
}
