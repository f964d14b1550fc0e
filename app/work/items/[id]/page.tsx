import { notFound as notFoundPage } from "next/navigation";
import { getGuideline } from "@/lib/campaigns/get-guideline";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { AppError } from "@/lib/errors";
import { requirePageViewer } from "@/lib/http/page-guard";
import { isUuid } from "@/lib/ids";
import { getItem } from "@/lib/items/get-item";
import { ITEM_CATEGORIES } from "@/lib/items/vocabulary";
import { ItemEditor } from "@/components/writing/item-editor";
import "@/components/writing/writing.css";

export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer("annotator");
  const { id } = await params;
  if (!isUuid(id)) notFoundPage();
  const item = await getItem(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFoundPage();
    throw error;
  });
  if (item.authorId !== viewer.id) notFoundPage();
  const [guideline, campaigns] = await Promise.all([
    getGuideline(viewer, item.campaignId, item.language, item.guidelineVersion ?? undefined).catch(() => null),
    listCampaigns(viewer),
  ]);
  // A closed campaign is not listed; its draft can still be finished in the categories it had.
  const categories = campaigns.find((campaign) => campaign.id === item.campaignId)?.categories ?? ITEM_CATEGORIES;
  return <ItemEditor initialItem={item} guideline={guideline} categories={categories} />;
}
