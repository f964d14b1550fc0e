import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { programmeCalendar } from "@/lib/productivity/programme-calendar";
import { MyProgress } from "@/components/productivity/my-progress";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/productivity/productivity.css";

export default async function MyProgressPage() {
  const viewer = await requirePageViewer("annotator");
  const t = await getTranslations("productivity");
  const common = await getTranslations("common");
  const { timeZone, today } = programmeCalendar();
  return (
    <ClientMessages groups={["common", "productivity"]}>
      <section>
        <h1>{t("myProgressTitle")}</h1>
        <LocaleDataGate fallback={<p>{common("loading")}</p>}>
          <MyProgress userId={viewer.id} role={viewer.role} today={today} timeZone={timeZone} />
        </LocaleDataGate>
      </section>
    </ClientMessages>
  );
}
