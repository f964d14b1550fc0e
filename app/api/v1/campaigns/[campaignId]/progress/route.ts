import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/progress";
import { getCampaignProgress } from "@/lib/progress/get-campaign-progress";

export const GET = apiHandler(operations.getCampaignProgress, async ({ viewer, params }) =>
  getCampaignProgress(viewer, { id: params.campaignId }),
);
