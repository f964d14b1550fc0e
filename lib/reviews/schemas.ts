// Validation and API shapes for reviewing: claims, decisions with rubric scores and edits, history.
import { z } from "zod";
import { int32Schema, onceParsed, textSchema } from "@/lib/input-schemas";
import { itemSchema } from "@/lib/items/schemas";
import { writingEvidenceInputSchema, writingEvidenceSchema } from "@/lib/provenance/schemas";
import { qualityReportSchema } from "@/lib/quality/schemas";
import { itemTextSchema, languageSchema, qualityDeclarationsSchema, reviewDecisionSchema } from "@/lib/vocabulary";

export const RUBRIC = ["instruction", "correctness", "fluency", "safety", "guidelines"] as const;
export type RubricCriterion = (typeof RUBRIC)[number];

const score = int32Schema().min(1, { message: "from 1 to 5" }).max(5, { message: "from 1 to 5" });

export const claimInputSchema = z
  .object({
    language: languageSchema.optional().describe("Only this language; default: all of mine."),
    campaignId: z.uuid().optional().describe("Only this campaign's items; default: every campaign."),
  })
  .strict()
  .meta({ id: "ClaimInput" });

export const decideInputSchema = z
  .object({
    version: int32Schema().min(1).describe("The item version the reviewer saw; a stale one gets 409."),
    decision: reviewDecisionSchema,
    scores: z
      .object({
        instruction: score.describe("Instruction quality"),
        correctness: score.describe("Response correctness"),
        fluency: score.describe("Fluency and language norm"),
        safety: score.describe("Safety and bias"),
        guidelines: score.describe("Guideline adherence"),
      })
      .strict(),
    comment: textSchema().trim().max(5000).default(""),
    citedClauses: z.array(textSchema().trim().min(1).max(40)).max(20).default([]),
    edits: itemTextSchema
      .pick({ instruction: true, context: true, response: true })
      .partial()
      .strict()
      .optional()
      .describe("The reviewer's corrections; they become a revision credited to the reviewer, checked like a submission."),
    languageJustification: qualityDeclarationsSchema.shape.languageJustification
      .optional()
      .describe("Why an edited field may be in another language; the author's justification stands otherwise."),
    piiDeclaredFictional: qualityDeclarationsSchema.shape.piiDeclaredFictional.optional().describe("Personal data the edit introduces is fictional or public."),
    evidence: writingEvidenceInputSchema
      .optional()
      .describe("How the reviewer's edits came to be (counted from the item's text as claimed); recorded with the edit's revision, apart from the author's."),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.decision !== "approve" && input.comment.length === 0) {
      context.addIssue({ code: "custom", path: ["comment"], message: "say what to change or why it is rejected" });
    }
  }, onceParsed("decision", "comment"))
  .meta({ id: "DecideInput" });

export const leaseSchema = z
  .object({ item: itemSchema, leaseExpiresAt: z.iso.datetime() })
  .meta({ id: "Lease" });
export type Lease = z.infer<typeof leaseSchema>;

export const decisionResultSchema = z
  .object({
    item: itemSchema,
    adjudication: z.boolean().describe("The decision disagrees with an earlier one in the round: the item waits for a maintainer."),
    approvals: z
      .object({ count: z.number().int(), required: z.number().int() })
      .describe("Approvals in the item's current review round, this decision included, and how many the campaign needs."),
  })
  .meta({ id: "DecideResult" });
export type DecisionResult = z.infer<typeof decisionResultSchema>;

export const revisionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  kind: z.enum(["submission", "reviewer_edit"]),
  authorId: z.uuid(),
  authorName: z.string(),
  instruction: z.string(),
  context: z.string().nullable(),
  response: z.string(),
  qualityReport: qualityReportSchema.nullable(),
  evidence: writingEvidenceSchema
    .nullable()
    .describe("How this revision's text came to be: the author's counters for a submission, the reviewer's own for an edit."),
  createdAt: z.iso.datetime(),
});

export const reviewSchema = z.object({
  id: z.uuid(),
  round: z.number().int(),
  revisionNumber: z.number().int(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  decision: reviewDecisionSchema,
  scores: z.record(z.enum(RUBRIC), z.number().int()),
  comment: z.string(),
  citedClauses: z.array(z.string()),
  createdAt: z.iso.datetime(),
});

export const itemHistorySchema = z
  .object({
    item: itemSchema,
    revisions: z.array(revisionSchema),
    reviews: z.array(reviewSchema),
    approvalsRequired: z.number().int(),
    /** Set once a maintainer has retracted the (approved) item: it leaves every release built from then on. */
    retraction: z.object({ at: z.iso.datetime(), byName: z.string().nullable(), reason: z.string() }).nullable(),
  })
  .meta({ id: "ItemHistory" });
export type ItemHistoryView = z.infer<typeof itemHistorySchema>;

// Disputes: items one reviewer approved and another rejected, settled by a maintainer.
export const resolveAdjudicationInputSchema = z
  .object({ decision: z.enum(["approve", "reject"]), comment: textSchema().trim().max(5000).default("") })
  .strict()
  .meta({ id: "ResolveAdjudicationInput" });

export const adjudicationSchema = z
  .object({
    id: z.uuid(),
    round: z.number().int(),
    status: z.enum(["open", "resolved"]),
    createdAt: z.iso.datetime(),
    item: itemSchema,
    /** The viewer wrote the item, so another maintainer must settle it. */
    ownItem: z.boolean(),
    /** The blind second review that disagreed with the item's approval (rejecting then retracts the item), if that raised it. */
    secondReview: z.object({ reviewerName: z.string(), decision: reviewDecisionSchema, comment: z.string() }).nullable(),
  })
  .meta({ id: "Adjudication" });
export type AdjudicationView = z.infer<typeof adjudicationSchema>;
