// Validation and API shapes for campaigns, their quotas and their versioned guidelines.
import { z } from "zod";
import { int32Schema, textSchema } from "@/lib/input-schemas";
import { DEFAULT_EVIDENCE_THRESHOLDS, evidenceThresholdsSchema } from "@/lib/provenance/schemas";
import { categorySchema, ITEM_CATEGORIES, ITEM_LANGUAGES, languageSchema } from "@/lib/vocabulary";

export const CAMPAIGN_STATUSES = ["draft", "active", "closed"] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES).meta({ id: "CampaignStatus" });

/** Soft quotas warn the writer when a cell is full; hard quotas refuse new drafts in a full cell. */
export const QUOTA_MODES = ["soft", "hard"] as const;
export type QuotaMode = (typeof QUOTA_MODES)[number];
export const quotaModeSchema = z.enum(QUOTA_MODES).meta({ id: "QuotaMode" });

/** The most items one quota cell may ask for. */
export const MAX_QUOTA_TARGET = 10_000_000;
/** A grid has one cell per language and category at most. */
export const MAX_QUOTA_CELLS = ITEM_LANGUAGES.length * ITEM_CATEGORIES.length;

/** The most a campaign may spend of its reviewers' claims on gold items, and separately on second reviews. */
export const MAX_REVIEW_CHECK_RATE = 50;

function reviewCheckRateSchema() {
  const message = `a whole percentage from 0 to ${MAX_REVIEW_CHECK_RATE}`;
  return int32Schema().min(0, { message }).max(MAX_REVIEW_CHECK_RATE, { message });
}

const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

/** Why a text is not an amount the DECIMAL(10,2) columns can hold as it is. */
function amountProblem(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (text.startsWith("-")) return "must not be negative";
  if (/^\d+\.\d{3,}$/.test(text)) return "at most two decimals";
  return "an amount such as 1.50 (digits, at most two decimals)";
}

/** Money as text ("1.50"), never a binary floating-point number: non-negative, at most two decimals. */
export function amountSchema() {
  return textSchema().regex(AMOUNT, { error: (issue) => amountProblem(issue.input) });
}

const quotaSchema = z
  .object({
    language: languageSchema,
    category: categorySchema,
    target: int32Schema()
      .min(0, { message: "must not be negative" })
      .max(MAX_QUOTA_TARGET, { message: `at most ${MAX_QUOTA_TARGET}` }),
  })
  .strict()
  .meta({ id: "Quota" });
export type QuotaCell = z.infer<typeof quotaSchema>;

/** Everything about a campaign a maintainer may set, on creation and afterwards (update-campaign.ts says what may not change once items exist). */
const campaignSettingsShape = {
  name: textSchema().trim().min(1).max(120),
  description: textSchema().max(5000),
  status: campaignStatusSchema,
  languages: z.array(languageSchema).min(1).transform((values) => [...new Set(values)].sort()),
  categories: z.array(categorySchema).min(1).transform((values) => [...new Set(values)]),
  approvalsRequired: z.union([z.literal(1), z.literal(2)]),
  ratePerApprovedItem: amountSchema().describe("Paid to the author at an item's first approval, e.g. \"1.50\"."),
  ratePerReview: amountSchema().nullable().describe("Paid to a reviewer per review decision, e.g. \"0.40\"; null when reviews are not paid."),
  currency: textSchema().regex(/^[A-Z]{3}$/, { message: "an ISO 4217 code such as EUR" }),
  quotaMode: quotaModeSchema,
  goldRate: reviewCheckRateSchema().describe("Percent of review claims that hand out a gold item (0–50)."),
  secondReviewRate: reviewCheckRateSchema().describe("Percent of review claims that hand out a blind second review of a decided item (0–50)."),
  evidenceThresholds: evidenceThresholdsSchema.describe("When a submission's authorship evidence is flagged for reviewers (never blocked)."),
};

/** Duplicate cells and cells outside the given languages and categories, each named by its place in the list. */
function addQuotaIssues(
  quotas: QuotaCell[],
  scope: { languages: readonly string[]; categories: readonly string[] } | null,
  context: z.RefinementCtx,
) {
  const seen = new Set<string>();
  quotas.forEach((quota, index) => {
    const cell = `${quota.language}/${quota.category}`;
    if (seen.has(cell)) context.addIssue({ code: "custom", path: ["quotas", index], message: `${cell} is listed twice` });
    seen.add(cell);
    if (scope && !scope.languages.includes(quota.language)) {
      context.addIssue({ code: "custom", path: ["quotas", index, "language"], message: "not one of the campaign's languages" });
    }
    if (scope && !scope.categories.includes(quota.category)) {
      context.addIssue({ code: "custom", path: ["quotas", index, "category"], message: "not one of the campaign's categories" });
    }
  });
}

export const createCampaignInputSchema = z
  .object({
    slug: textSchema()
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "lower-case letters, digits and dashes" })
      .max(60),
    ...campaignSettingsShape,
    description: campaignSettingsShape.description.default(""),
    // A new campaign has no guidelines yet, so it starts as a draft; it opens once each language has one.
    status: campaignSettingsShape.status.default("draft"),
    approvalsRequired: campaignSettingsShape.approvalsRequired.default(1),
    ratePerApprovedItem: campaignSettingsShape.ratePerApprovedItem.default("0"),
    ratePerReview: campaignSettingsShape.ratePerReview.default(null),
    currency: campaignSettingsShape.currency.default("EUR"),
    quotaMode: campaignSettingsShape.quotaMode.default("soft"),
    goldRate: campaignSettingsShape.goldRate.default(0),
    secondReviewRate: campaignSettingsShape.secondReviewRate.default(0),
    evidenceThresholds: campaignSettingsShape.evidenceThresholds.default(DEFAULT_EVIDENCE_THRESHOLDS),
    quotas: z.array(quotaSchema).max(MAX_QUOTA_CELLS).default([]),
  })
  .strict()
  .superRefine((input, context) => addQuotaIssues(input.quotas, input, context))
  .meta({ id: "CreateCampaignInput" });

export const updateCampaignInputSchema = z
  .object(campaignSettingsShape)
  .partial()
  .strict()
  .meta({ id: "UpdateCampaignInput", description: "Only the fields sent change." });
export type CampaignChangesInput = z.input<typeof updateCampaignInputSchema>;

export const replaceQuotasInputSchema = z
  .object({
    quotas: z
      .array(quotaSchema)
      .max(MAX_QUOTA_CELLS)
      .describe("The whole grid: a cell left out has no target."),
  })
  .strict()
  .superRefine((input, context) => addQuotaIssues(input.quotas, null, context))
  .meta({ id: "ReplaceQuotasInput" });

export const quotaGridSchema = z.object({ quotas: z.array(quotaSchema) }).meta({ id: "QuotaGrid" });
export type QuotaGrid = z.infer<typeof quotaGridSchema>;

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
    ratePerReview: z.string().nullable(),
    currency: z.string(),
    quotaMode: quotaModeSchema,
    goldRate: z.number().int(),
    secondReviewRate: z.number().int(),
    evidenceThresholds: evidenceThresholdsSchema,
    quotas: z.array(quotaSchema),
    guidelineVersions: z.array(z.object({ language: languageSchema, version: z.number().int() })),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Campaign" });
export type CampaignView = z.infer<typeof campaignSchema>;
