// Reads a campaign's quota grid: maintainers any campaign's, others those of the open campaigns in their languages
// (the same campaigns they can list).
import type { Viewer } from "@/lib/auth/viewer";
import { canSeeCampaign } from "@/lib/auth/permissions";
import { toQuotaCells } from "@/lib/campaigns/campaign-view";
import type { QuotaGrid } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function getQuotas(viewer: Viewer, campaignId: string): Promise<QuotaGrid> {
  const campaign = await db().campaign.findUnique({
    where: { id: campaignId },
    select: { status: true, languages: true, quotas: true },
  });
  if (!campaign || !canSeeCampaign(viewer, campaign)) throw notFound("Campaign");
  return { quotas: toQuotaCells(campaign.quotas) };
}
