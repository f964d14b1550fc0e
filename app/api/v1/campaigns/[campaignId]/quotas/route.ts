import { getQuotas } from "@/lib/campaigns/get-quotas";
import { replaceQuotas } from "@/lib/campaigns/replace-quotas";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/campaigns";

export const GET = apiHandler(operations.getQuotas, async ({ viewer, params }) => getQuotas(viewer, params.campaignId));
export const PUT = apiHandler(operations.replaceQuotas, async ({ viewer, params, body }) =>
  replaceQuotas(viewer, params.campaignId, body),
);
