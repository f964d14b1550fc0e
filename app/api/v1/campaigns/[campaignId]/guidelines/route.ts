import { publishGuideline } from "@/lib/campaigns/publish-guideline";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/campaigns";

export const POST = apiHandler(operations.publishGuideline, async ({ viewer, params, body }) =>
  publishGuideline(viewer, params.campaignId, body),
);
