// The campaigns list as server state shared by the campaign admin components.
import { useQuery } from "@tanstack/react-query";
import { callApi } from "@/components/api-client";
import type { CampaignView } from "@/lib/campaigns/schemas";

export const CAMPAIGNS_KEY = ["campaigns"] as const;

export function useCampaigns() {
  return useQuery({
    queryKey: CAMPAIGNS_KEY,
    queryFn: () => callApi<{ campaigns: CampaignView[] }>("/api/v1/campaigns").then((result) => result.campaigns),
  });
}
