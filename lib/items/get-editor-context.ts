// What the editor page needs to open one of the viewer's own items: the item, the guideline it is written under and
// the categories its campaign offers.
import type { Viewer } from "@/lib/auth/viewer";
import { getGuideline } from "@/lib/campaigns/get-guideline";
import { campaignCategories } from "@/lib/campaigns/campaign-categories";
import { notFound } from "@/lib/errors";
import { getItem } from "@/lib/items/get-item";
import { ITEM_CATEGORIES, type ItemCategory } from "@/lib/vocabulary";

export async function getEditorContext(viewer: Viewer, itemId: string) {
  const item = await getItem(viewer, itemId);
  // Reviewers and maintainers may see others' items, but the editor is for the author's own.
  if (item.authorId !== viewer.id) throw notFound("Item");
  const [guideline, campaignOffers] = await Promise.all([
    getGuideline(viewer, item.campaignId, item.language, item.guidelineVersion ?? undefined).catch(() => null),
    campaignCategories(item.campaignId),
  ]);
  const categories: readonly ItemCategory[] = campaignOffers ?? ITEM_CATEGORIES;
  return { item, guideline, categories };
}
