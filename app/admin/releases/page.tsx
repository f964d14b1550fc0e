import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { ReleaseAdmin } from "@/components/releases/release-admin";
import { OpenItemForm } from "@/components/reviews/open-item-form";
import "@/components/releases/releases.css";

export default async function ReleaseAdminPage() {
  await requirePageViewer("maintainer");
  const t = await getTranslations("releases");
  return (
    <section>
      <h1>{t("adminTitle")}</h1>
      <p>{t("adminIntro")}</p>
      <div className="stack-large">
        <ReleaseAdmin />
        <OpenItemForm />
      </div>
    </section>
  );
}
