// Validation and API shapes for review quality: gold items, and the agreement figures of maintainers' and reviewers' pages.
import { z } from "zod";
import { int32Schema, onceParsed, textSchema } from "@/lib/input-schemas";
import { RUBRIC } from "@/lib/reviews/schemas";
import { languageSchema, reviewDecisionSchema } from "@/lib/vocabulary";

const expectedScore = int32Schema().min(1, { message: "from 1 to 5" }).max(5, { message: "from 1 to 5" });

export const markGoldInputSchema = z
  .object({
    expectedDecision: reviewDecisionSchema.describe("The decision a careful reviewer reaches on this item."),
    expectedScoreMin: expectedScore.nullable().default(null).describe("Every rubric score is expected at least this (with max)."),
    expectedScoreMax: expectedScore.nullable().default(null).describe("Every rubric score is expected at most this (with min)."),
    explanation: textSchema().trim().max(2000).default("").describe("Why: what a reviewer who missed it is shown."),
  })
  .strict()
  .superRefine((input, context) => {
    if ((input.expectedScoreMin === null) !== (input.expectedScoreMax === null)) {
      const path = input.expectedScoreMin === null ? "expectedScoreMin" : "expectedScoreMax";
      context.addIssue({ code: "custom", path: [path], message: "give both ends of the range, or neither" });
    } else if (input.expectedScoreMin !== null && input.expectedScoreMax !== null && input.expectedScoreMin > input.expectedScoreMax) {
      context.addIssue({ code: "custom", path: ["expectedScoreMax"], message: "must not be below expectedScoreMin" });
    }
  }, onceParsed("expectedScoreMin", "expectedScoreMax"))
  .meta({ id: "MarkGoldInput" });

export const goldItemSchema = z
  .object({
    itemId: z.uuid(),
    expectedDecision: reviewDecisionSchema,
    expectedScoreMin: z.number().int().nullable(),
    expectedScoreMax: z.number().int().nullable(),
    explanation: z.string(),
    markedAt: z.iso.datetime(),
    answered: z.number().int().describe("Reviewers' decisions on it so far."),
    matched: z.number().int().describe("Of those, the ones that met the expectation."),
  })
  .meta({ id: "GoldItem" });
export type GoldItemView = z.infer<typeof goldItemSchema>;

export const agreementQuerySchema = z
  .object({
    campaignId: z.uuid().optional().describe("Only this campaign's items."),
    language: languageSchema.optional().describe("Only this language."),
  })
  .strict()
  .meta({ id: "AgreementQuery" });
export type AgreementQuery = z.output<typeof agreementQuerySchema>;

export const figureSchema = z
  .object({
    value: z.number().nullable().describe("The estimate; null when there are too few items or no variation."),
    low: z.number().nullable().describe("Lower end of the 95 % percentile bootstrap interval."),
    high: z.number().nullable(),
    items: z.number().int().describe("Items (decided rounds) behind the figure."),
    note: z.enum(["ok", "too_few_items", "no_variation"]),
  })
  .meta({ id: "Figure" });

export const agreementFiguresSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    items: z.number().int(),
    percentAgreement: figureSchema.describe("Share of reviewer pairs agreeing on approve versus not."),
    kappa: figureSchema.describe("Cohen's κ on approve versus not."),
    alpha: z.record(z.enum(RUBRIC), figureSchema).describe("Krippendorff's α (ordinal) per rubric criterion."),
  })
  .meta({ id: "AgreementFigures" });
export type AgreementFigures = z.infer<typeof agreementFiguresSchema>;

export const reviewerRateSchema = z
  .object({ reviewerId: z.uuid(), name: z.string(), rate: figureSchema })
  .meta({ id: "ReviewerRate" });

export const goldAccuracySchema = z
  .object({
    reviewerId: z.uuid(),
    name: z.string(),
    language: languageSchema,
    guidelineVersion: z.number().int().nullable(),
    answered: z.number().int(),
    matched: z.number().int(),
    accuracy: figureSchema,
  })
  .meta({ id: "GoldAccuracy" });

export const agreementReportSchema = z
  .object({
    minItems: z.number().int().describe("Figures from fewer items than this say so instead of giving a number."),
    overall: agreementFiguresSchema,
    byLanguage: z.array(agreementFiguresSchema),
    byReviewer: z.array(agreementFiguresSchema).describe("Each reviewer against their peers on the same items."),
    byPair: z.array(agreementFiguresSchema).describe("Reviewer pairs who decided at least minItems items in common."),
    byGuideline: z.array(agreementFiguresSchema),
    byMonth: z.array(agreementFiguresSchema).describe("By the month (UTC) of an item's latest decision."),
    firstPassApproval: z.array(reviewerRateSchema).describe("Each reviewer's approval rate on items' first review round."),
    gold: z.array(goldAccuracySchema).describe("Gold accuracy per reviewer, language and guideline version."),
  })
  .meta({ id: "AgreementReport" });
export type AgreementReport = z.infer<typeof agreementReportSchema>;

export const missedGoldSchema = z
  .object({
    itemId: z.uuid(),
    instruction: z.string(),
    language: languageSchema,
    decision: reviewDecisionSchema,
    expectedDecision: reviewDecisionSchema,
    expectedScoreMin: z.number().int().nullable(),
    expectedScoreMax: z.number().int().nullable(),
    explanation: z.string(),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: "MissedGold" });

export const myReviewQualitySchema = z
  .object({
    minItems: z.number().int(),
    goldAnswered: z.number().int(),
    goldMatched: z.number().int(),
    goldAccuracy: figureSchema,
    goldByLanguage: z.array(goldAccuracySchema),
    agreement: agreementFiguresSchema.describe("My decisions and scores against my peers' on the same items."),
    missedGold: z.array(missedGoldSchema).describe("Gold items I decided otherwise than expected, newest first."),
  })
  .meta({ id: "MyReviewQuality" });
export type MyReviewQuality = z.infer<typeof myReviewQualitySchema>;
