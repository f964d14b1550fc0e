// API contracts for campaigns and their guidelines.
import { z } from "zod";
import { queryInt32Schema } from "@/lib/input-schemas";
import {
  campaignSchema,
  createCampaignInputSchema,
  guidelineSchema,
  publishGuidelineInputSchema,
  updateCampaignInputSchema,
} from "@/lib/campaigns/schemas";
import { defineOperation } from "@/lib/http/api-operation";
import { languageSchema } from "@/lib/vocabulary";

export const listCampaigns = defineOperation({
  operationId: "listCampaigns",
  method: "GET",
  path: "/api/v1/campaigns",
  summary: "Campaigns I can work in (maintainers: all).",
  tag: "Campaigns",
  access: "annotator",
  response: z.object({ campaigns: z.array(campaignSchema) }).meta({ id: "CampaignList" }),
});

export const createCampaign = defineOperation({
  operationId: "createCampaign",
  method: "POST",
  path: "/api/v1/campaigns",
  summary: "Open a campaign with languages, categories, approvals required, rate and quotas (maintainers).",
  tag: "Campaigns",
  access: "maintainer",
  body: createCampaignInputSchema,
  response: campaignSchema,
  successStatus: 201,
});

export const updateCampaign = defineOperation({
  operationId: "updateCampaign",
  method: "PATCH",
  path: "/api/v1/campaigns/{campaignId}",
  summary: "Rename, describe, open or close a campaign (maintainers).",
  tag: "Campaigns",
  access: "maintainer",
  params: z.object({ campaignId: z.uuid() }),
  body: updateCampaignInputSchema,
  response: campaignSchema,
});

export const publishGuideline = defineOperation({
  operationId: "publishGuideline",
  method: "POST",
  path: "/api/v1/campaigns/{campaignId}/guidelines",
  summary: "Publish a new guideline version (Markdown) for one language (maintainers).",
  tag: "Campaigns",
  access: "maintainer",
  params: z.object({ campaignId: z.uuid() }),
  body: publishGuidelineInputSchema,
  response: guidelineSchema,
  successStatus: 201,
});

export const getGuideline = defineOperation({
  operationId: "getGuideline",
  method: "GET",
  path: "/api/v1/campaigns/{campaignId}/guidelines/{language}",
  summary: "The latest guideline of a language, or a given ?version.",
  tag: "Campaigns",
  access: "annotator",
  params: z.object({ campaignId: z.uuid(), language: languageSchema }),
  query: z.object({ version: queryInt32Schema().min(1).optional() }),
  response: guidelineSchema,
});
