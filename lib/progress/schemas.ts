// API shapes of campaign progress: the language × category grid with totals, the burn-up series and the projection.
import { z } from "zod";
import { campaignStatusSchema } from "@/lib/campaigns/schemas";
import { categorySchema, languageSchema } from "@/lib/vocabulary";

const daySchema = z.iso.date().describe("A calendar day in the programme's time zone.");

const countsShape = {
  target: z.number().int().nullable().describe("Approved items wanted; null when no quota is set."),
  approved: z.number().int(),
  inReview: z.number().int().describe("Submitted, waiting for a review decision."),
  drafts: z.number().int().describe("Drafts and items sent back for changes."),
  remaining: z
    .number()
    .int()
    .nullable()
    .describe("target − approved − in review, never below 0 (per cell, then summed); null without a target."),
  percentDone: z.number().nullable().describe("approved / target × 100, one decimal; null without a target."),
};

export const progressCountsSchema = z.object(countsShape).meta({ id: "ProgressCounts" });
export type ProgressCounts = z.infer<typeof progressCountsSchema>;

export const progressCellSchema = z
  .object({ language: languageSchema, category: categorySchema, ...countsShape })
  .meta({ id: "ProgressCell" });
export type ProgressCell = z.infer<typeof progressCellSchema>;

export const burnUpDaySchema = z.object({
  day: daySchema,
  approved: z.number().int().describe("Items approved by the end of this day, less those retracted by then."),
});
export type BurnUpDay = z.infer<typeof burnUpDaySchema>;

export const campaignProgressSchema = z
  .object({
    campaign: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), status: campaignStatusSchema }),
    timeZone: z.string(),
    today: daySchema,
    languages: z.array(languageSchema).describe("The languages shown: all for maintainers, the viewer's own otherwise."),
    categories: z.array(categorySchema),
    cells: z.array(progressCellSchema),
    languageTotals: z.array(z.object({ language: languageSchema, ...countsShape })),
    categoryTotals: z.array(z.object({ category: categorySchema, ...countsShape })),
    total: progressCountsSchema,
    burnUp: z.object({ target: z.number().int().nullable(), days: z.array(burnUpDaySchema) }),
    rate: z.object({
      windowDays: z.number().int(),
      approvedInWindow: z.number().int(),
      perDay: z.number().describe("Approvals per day over the window, two decimals."),
    }),
    shortfall: z.number().int().describe("Approvals still missing to meet every target (cells over target do not make up for others)."),
    projectedCompletion: daySchema.nullable().describe("When the shortfall is met at the window's rate; null when the rate is 0 or nothing is missing."),
  })
  .meta({ id: "CampaignProgress" });
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;
