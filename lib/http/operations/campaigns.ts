// API contracts for campaigns and their guidelines.
import { z } from "zod";
import { queryInt32Schema } from "@/lib/input-schemas";
import {
  campaignSchema,
  createCampaignInputSchema,
  guidelineSchema,
  publishGuidelineInputSchema,
  quotaGridSchema,
  replaceQuotasInputSchema,
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
  summary:
    "Set up a campaign with languages, categories, approvals required, rates, quotas and quota mode (maintainers). It starts as a draft; " +
    "status active is refused (409, error.details.reason guidelines_missing) until every language has a published guideline.",
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
  summary:
    "Change a campaign's settings (maintainers); only the fields sent change. 409 naming the field when removing a language or category " +
    "that has items (languages_in_use, categories_in_use), changing the currency once work was paid (currency_in_use), or opening it " +
    "while a language has no published guideline (guidelines_missing, with error.details.languages). New rates apply to approvals and reviews from then on.",
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

const campaignParams = z.object({ campaignId: z.uuid() });

export const getQuotas = defineOperation({
  operationId: "getQuotas",
  method: "GET",
  path: "/api/v1/campaigns/{campaignId}/quotas",
  summary: "A campaign's quota grid: the target per language and category (a cell not listed has no target).",
  tag: "Campaigns",
  access: "annotator",
  params: campaignParams,
  response: quotaGridSchema,
});

export const replaceQuotas = defineOperation({
  operationId: "replaceQuotas",
  method: "PUT",
  path: "/api/v1/campaigns/{campaignId}/quotas",
  summary:
    "Replace a campaign's whole quota grid (maintainers). Targets are whole numbers from 0; a cell outside the campaign's languages " +
    "and categories, or listed twice, is refused by its place (quotas.<i>…) and nothing is written.",
  tag: "Campaigns",
  access: "maintainer",
  params: campaignParams,
  body: replaceQuotasInputSchema,
  response: quotaGridSchema,
});
