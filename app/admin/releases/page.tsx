import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { previewNextRelease } from "@/lib/releases/preview-next-release";
import { ReleaseAdmin } from "@/components/releases/release-admin";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { OpenItemForm } from "@/components/reviews/open-item-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/releases/releases.css";

export default async function ReleaseAdminPage() {
  const viewer = await requirePageViewer("maintainer");
  const [t, common, preview] = await Promise.all([getTranslations("releases"), getTranslations("common"), previewNextRelease(viewer)]);
  return (
    <ClientMessages groups={["apiErrors", "common", "history", "items", "releasePreview", "releases"]}>
      <section>
        <h1>{t("adminTitle")}</h1>
        <p>{t("adminIntro")}</p>
        <div className="stack-large">
          <LocaleDataGate fallback={<p>{common("loading")}</p>}>
            <ReleaseAdmin preview={preview} />
          </LocaleDataGate>
          <OpenItemForm />
        </div>
      </section>
    </ClientMessages>
  );
}
