// Validation and API shapes for campaigns, their quotas and their versioned guidelines.
import { z } from "zod";
import { int32Schema, textSchema } from "@/lib/input-schemas";
import { categorySchema, languageSchema } from "@/lib/vocabulary";

export const campaignStatusSchema = z.enum(["draft", "active", "closed"]).meta({ id: "CampaignStatus" });

const quotaSchema = z
  .object({ language: languageSchema, category: categorySchema, target: int32Schema().min(0).max(10_000_000) })
  .strict();

export const createCampaignInputSchema = z
  .object({
    slug: textSchema()
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "lower-case letters, digits and dashes" })
      .max(60),
    name: textSchema().trim().min(1).max(120),
    description: textSchema().max(5000).default(""),
    status: campaignStatusSchema.default("active"),
    languages: z.array(languageSchema).min(1).transform((values) => [...new Set(values)].sort()),
    categories: z.array(categorySchema).min(1).transform((values) => [...new Set(values)]),
    approvalsRequired: z.union([z.literal(1), z.literal(2)]).default(1),
    ratePerApprovedItem: textSchema()
      .regex(/^\d{1,8}(\.\d{1,2})?$/, { message: "an amount such as 1.50" })
      .default("0"),
    currency: textSchema().regex(/^[A-Z]{3}$/, { message: "an ISO 4217 code such as EUR" }).default("EUR"),
    quotas: z.array(quotaSchema).max(64).default([]),
  })
  .strict()
  .superRefine((input, context) => {
    input.quotas.forEach((quota, index) => {
      if (!input.languages.includes(quota.language)) {
        context.addIssue({ code: "custom", path: ["quotas", index, "language"], message: "not one of the campaign's languages" });
      }
      if (!input.categories.includes(quota.category)) {
        context.addIssue({ code: "custom", path: ["quotas", index, "category"], message: "not one of the campaign's categories" });
      }
    });
  })
  .meta({ id: "CreateCampaignInput" });

export const updateCampaignInputSchema = z
  .object({
    name: textSchema().trim().min(1).max(120).optional(),
    description: textSchema().max(5000).optional(),
    status: campaignStatusSchema.optional(),
  })
  .strict()
  .meta({ id: "UpdateCampaignInput" });

export const publishGuidelineInputSchema = z
  .object({ language: languageSchema, body: textSchema().trim().min(1).max(100_000) })
  .strict()
  .meta({ id: "PublishGuidelineInput" });

export const guidelineSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    language: languageSchema,
    version: z.number().int(),
    body: z.string().describe("Markdown."),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Guideline" });
export type GuidelineView = z.infer<typeof guidelineSchema>;

export const campaignSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    status: campaignStatusSchema,
    languages: z.array(languageSchema),
    categories: z.array(categorySchema),
    approvalsRequired: z.number().int(),
    ratePerApprovedItem: z.string(),
    currency: z.string(),
    quotas: z.array(quotaSchema),
    guidelineVersions: z.array(z.object({ language: languageSchema, version: z.number().int() })),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Campaign" });
export type CampaignView = z.infer<typeof campaignSchema>;
