// How full one quota cell (campaign × language × category) is: its approved items plus those in review, so that
// writers stop before a cell overshoots rather than after. Drafts, items sent back and rejected ones do not count.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemCategory, ItemLanguage } from "@/lib/vocabulary";

export interface QuotaCellKey {
  campaignId: string;
  language: ItemLanguage;
  category: ItemCategory;
}

/** One index range scan on items (campaign_id, language, category, status). */
export async function countQuotaCell(tx: Prisma.TransactionClient, cell: QuotaCellKey): Promise<number> {
  return tx.item.count({
    where: { campaignId: cell.campaignId, language: cell.language, category: cell.category, status: { in: ["approved", "submitted"] } },
  });
}
