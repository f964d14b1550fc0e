// A campaign's progress as live server state: the page starts from the server's figures and refreshes them.
import { useQuery } from "@tanstack/react-query";
import { callOperation } from "@/components/api-client";
import * as progress from "@/lib/http/operations/progress";
import type { CampaignProgress } from "@/lib/progress/schemas";

const REFRESH_MS = 30_000;

export function useCampaignProgress(initial: CampaignProgress) {
  return useQuery({
    queryKey: ["campaign-progress", initial.campaign.id],
    queryFn: () => callOperation(progress.getCampaignProgress, { params: { campaignId: initial.campaign.id } }),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
}
