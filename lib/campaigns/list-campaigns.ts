// The campaigns a person can see: maintainers all of them, others the active ones in their languages.
import type { Viewer } from "@/lib/auth/viewer";
import { CAMPAIGN_VIEW_INCLUDE, toCampaignView } from "@/lib/campaigns/campaign-view";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";

export async function listCampaigns(viewer: Viewer): Promise<CampaignView[]> {
  const campaigns = await db().campaign.findMany({
    where: viewer.role === "maintainer" ? {} : { status: "active", languages: { hasSome: viewer.languages } },
    include: CAMPAIGN_VIEW_INCLUDE,
    orderBy: { createdAt: "desc" },
  });
  return campaigns.map(toCampaignView);
}
