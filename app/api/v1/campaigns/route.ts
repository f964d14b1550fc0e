import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/campaigns";

export const GET = apiHandler(operations.listCampaigns, async ({ viewer }) => ({ campaigns: await listCampaigns(viewer) }));
export const POST = apiHandler(operations.createCampaign, async ({ viewer, body }) => createCampaign(viewer, body));
