import { getGuideline } from "@/lib/campaigns/get-guideline";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/campaigns";

export const GET = apiHandler(operations.getGuideline, async ({ viewer, params, query }) =>
  getGuideline(viewer, params.campaignId, params.language, query.version),
);
