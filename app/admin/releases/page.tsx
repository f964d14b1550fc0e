import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { previewNextRelease } from "@/lib/releases/preview-next-release";
import { ReleaseAdmin } from "@/components/releases/release-admin";
import { OpenItemForm } from "@/components/reviews/open-item-form";
import "@/components/releases/releases.css";

export default async function ReleaseAdminPage() {
  const viewer = await requirePageViewer("maintainer");
  const [t, preview] = await Promise.all([getTranslations("releases"), previewNextRelease(viewer)]);
  return (
    <section>
      <h1>{t("adminTitle")}</h1>
      <p>{t("adminIntro")}</p>
      <div className="stack-large">
        <ReleaseAdmin preview={preview} />
        <OpenItemForm />
      </div>
    </section>
  );
}
