// The categories a campaign offers, read by its id whatever its state: the editor of a draft needs its own campaign's,
// and a draft of a closed campaign is still its author's to finish. (The editor used to list every campaign the viewer
// could see, with their quotas and guidelines, to find this one.)
import { db } from "@/lib/db";
import type { ItemCategory } from "@/lib/vocabulary";

export async function campaignCategories(campaignId: string): Promise<ItemCategory[] | null> {
  const campaign = await db().campaign.findUnique({ where: { id: campaignId }, select: { categories: true } });
  return campaign?.categories ?? null;
}
