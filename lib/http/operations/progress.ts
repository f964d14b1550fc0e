// API contracts for campaign progress.
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";
import { campaignProgressSchema } from "@/lib/progress/schemas";

export const getCampaignProgress = defineOperation({
  operationId: "getCampaignProgress",
  method: "GET",
  path: "/api/v1/campaigns/{campaignId}/progress",
  summary:
    "Progress per language × category (target, approved, in review, drafts, remaining, % done, totals), the burn-up series, the 14-day approval rate and the projected completion day. Maintainers see every language; others only their own.",
  tag: "Campaigns",
  access: "annotator",
  params: z.object({ campaignId: z.uuid() }),
  response: campaignProgressSchema,
});
