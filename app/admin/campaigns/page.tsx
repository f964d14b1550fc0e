import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { CampaignAdmin } from "@/components/campaigns/campaign-admin";
import { ClientMessages } from "@/components/i18n/client-messages";
import "@/components/campaigns/campaigns.css";

export default async function CampaignsPage() {
  await requirePageViewer("maintainer");
  const t = await getTranslations("campaigns");
  return (
    <ClientMessages
      groups={[
        "adminConfirm", "apiErrors", "campaignForm", "campaignSetup", "campaigns", "categories", "common", "items",
        "languages", "progress", "provenance", "reviewQuality", "wording",
      ]}
    >
      <section>
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <CampaignAdmin />
      </section>
    </ClientMessages>
  );
}
