// The campaigns list as server state shared by the campaign admin components.
import { useQuery } from "@tanstack/react-query";
import { callOperation } from "@/components/api-client";
import * as campaigns from "@/lib/http/operations/campaigns";

export const CAMPAIGNS_KEY = ["campaigns"] as const;

export function useCampaigns() {
  return useQuery({
    queryKey: CAMPAIGNS_KEY,
    queryFn: () => callOperation(campaigns.listCampaigns).then((result) => result.campaigns),
  });
}
