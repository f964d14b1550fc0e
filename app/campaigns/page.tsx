import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { requirePageViewer } from "@/lib/http/page-guard";

export default async function CampaignProgressListPage() {
  const viewer = await requirePageViewer("annotator");
  const [t, campaigns] = await Promise.all([getTranslations(), listCampaigns(viewer)]);
  return (
    <section className="stack-large">
      <h1>{t("progress.listTitle")}</h1>
      <p>{t("progress.listIntro")}</p>
      {campaigns.length === 0 ? (
        <p>{t("progress.none")}</p>
      ) : (
        <ul className="plain-list">
          {campaigns.map((campaign) => (
            <li key={campaign.id}>
              <Link href={`/campaigns/${encodeURIComponent(campaign.slug)}/progress`}>{campaign.name}</Link>{" "}
              <span className="muted">({t(`campaigns.statuses.${campaign.status}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
