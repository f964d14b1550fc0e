import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { programmeCalendar } from "@/lib/productivity/programme-calendar";
import { MyProgress } from "@/components/productivity/my-progress";
import "@/components/productivity/productivity.css";

export default async function MyProgressPage() {
  const viewer = await requirePageViewer("annotator");
  const t = await getTranslations("productivity");
  const { timeZone, today } = programmeCalendar();
  return (
    <section>
      <h1>{t("myProgressTitle")}</h1>
      <MyProgress userId={viewer.id} role={viewer.role} today={today} timeZone={timeZone} />
    </section>
  );
}
