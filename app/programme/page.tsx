import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { programmeCalendar } from "@/lib/productivity/programme-calendar";
import { ProgrammeDashboard } from "@/components/productivity/programme-dashboard";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/productivity/productivity.css";

export default async function ProgrammePage() {
  await requirePageViewer("maintainer");
  const t = await getTranslations("productivity");
  const common = await getTranslations("common");
  const quality = await getTranslations("reviewQuality");
  const { timeZone, today } = programmeCalendar();
  return (
    <ClientMessages groups={["campaigns", "common", "productivity", "provenance", "roles"]}>
      <section>
        <h1>{t("programmeTitle")}</h1>
        <p>
          <Link href="/programme/review-quality">{quality("programmeLink")}</Link>
        </p>
        <LocaleDataGate fallback={<p>{common("loading")}</p>}>
          <ProgrammeDashboard today={today} timeZone={timeZone} />
        </LocaleDataGate>
      </section>
    </ClientMessages>
  );
}
