import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { requirePageViewer } from "@/lib/http/page-guard";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";
import { ReviewQueue } from "@/components/reviews/review-queue";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ campaign?: string | string[] }> }) {
  const viewer = await requirePageViewer("reviewer");
  const { campaign } = await searchParams;
  const [t, tQuality, campaigns] = await Promise.all([getTranslations("reviewQueue"), getTranslations("reviewQuality"), listCampaigns(viewer)]);
  // Only a campaign the reviewer can see filters the queue; anything else shows every campaign.
  const campaignId = campaigns.find((candidate) => candidate.id === campaign)?.id;
  const queue = await countReviewQueue(viewer, { campaignId });
  return (
    <ClientMessages groups={["adjudications", "apiErrors", "languages", "reviewQueue", "wording"]}>
      <section className="stack">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <ReviewQueue queue={queue} campaigns={campaigns.map(({ id, name }) => ({ id, name }))} campaignId={campaignId} />
        <p>
          <Link href="/review/quality">{tQuality("myLink")}</Link>
        </p>
      </section>
    </ClientMessages>
  );
}
