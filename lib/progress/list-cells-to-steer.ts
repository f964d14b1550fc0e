// The cells of the open campaigns a writer may write in, most needed first, for the new-item page.
import type { Viewer } from "@/lib/auth/viewer";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { getCampaignProgress } from "@/lib/progress/get-campaign-progress";
import { rankCellsToSteer, type SteeringCell, type SteeringState } from "@/lib/progress/rank-cells-to-steer";

export type RankedSteeringCell = SteeringCell & { state: SteeringState };

export async function listCellsToSteer(viewer: Viewer): Promise<RankedSteeringCell[]> {
  // Writers write only in their own languages, maintainers included: a writer's list is the active campaigns in them.
  const writer: Viewer = { ...viewer, role: "annotator" };
  const campaigns = await listCampaigns(writer);
  const progresses = await Promise.all(campaigns.map((campaign) => getCampaignProgress(writer, { id: campaign.id })));
  const cells: SteeringCell[] = progresses.flatMap((progress) =>
    progress.cells.map((cell) => ({
      campaignId: progress.campaign.id,
      campaignName: progress.campaign.name,
      language: cell.language,
      category: cell.category,
      target: cell.target,
      remaining: cell.remaining,
      percentDone: cell.percentDone,
    })),
  );
  return rankCellsToSteer(cells);
}
