// The categories a campaign offers, read by its id whatever its state: the editor of a draft needs its own campaign's
// (not a list of every campaign the viewer may see), and a draft of a closed campaign is still its author's to finish.
import { db } from "@/lib/db";
import type { ItemCategory } from "@/lib/vocabulary";

export async function campaignCategories(campaignId: string): Promise<ItemCategory[] | null> {
  const campaign = await db().campaign.findUnique({ where: { id: campaignId }, select: { categories: true } });
  return campaign?.categories ?? null;
}
