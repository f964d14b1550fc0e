import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/campaigns";

export const PATCH = apiHandler(operations.updateCampaign, async ({ viewer, params, body }) =>
  updateCampaign(viewer, params.campaignId, body),
);
