// The cells of the open campaigns a writer may write in, most needed first, for the new-item page.
import type { Viewer } from "@/lib/auth/viewer";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { getCampaignProgress } from "@/lib/progress/get-campaign-progress";
import { rankCellsToSteer, type SteeringCell, type SteeringState } from "@/lib/progress/rank-cells-to-steer";

export type RankedSteeringCell = SteeringCell & { state: SteeringState };

export async function listCellsToSteer(viewer: Viewer): Promise<RankedSteeringCell[]> {
  const campaigns = (await listCampaigns(viewer)).filter((campaign) => campaign.status === "active");
  const cells: SteeringCell[] = [];
  for (const campaign of campaigns) {
    // Writers write only in their own languages, maintainers included.
    const writer = { ...viewer, role: "annotator" as const };
    if (!campaign.languages.some((language) => viewer.languages.includes(language))) continue;
    const progress = await getCampaignProgress(writer, { id: campaign.id });
    for (const cell of progress.cells) {
      cells.push({
        campaignId: campaign.id,
        campaignName: campaign.name,
        language: cell.language,
        category: cell.category,
        target: cell.target,
        remaining: cell.remaining,
        percentDone: cell.percentDone,
      });
    }
  }
  return rankCellsToSteer(cells);
}
