// Validation and API shapes for items: drafts, saves with a base version, submission, listing.
import { z } from "zod";
import { int32Schema, queryInt32Schema, textSchema } from "@/lib/input-schemas";
import { categorySchema } from "@/lib/campaigns/schemas";
import { languageSchema } from "@/lib/users/schemas";

/** Hard ceilings for storing a draft; the per-category rules that block submission are in lib/quality/shape-rules. */
export const DRAFT_LIMITS = { instruction: 20_000, context: 60_000, response: 60_000 } as const;

export const itemStatusSchema = z
  .enum(["draft", "submitted", "approved", "changes_requested", "rejected", "retracted"])
  .meta({ id: "ItemStatus" });

const optionalText = (max: number) => textSchema().max(max, { message: `at most ${max} characters` });

const sourceFields = {
  sourceUrl: textSchema().trim().max(2000).nullable().optional(),
  sourceLicense: textSchema().trim().max(200).nullable().optional(),
};

export const createDraftInputSchema = z
  .object({
    campaignId: z.uuid(),
    language: languageSchema,
    category: categorySchema,
    variety: textSchema().max(40).nullable().optional(),
    instruction: optionalText(DRAFT_LIMITS.instruction).default(""),
    context: optionalText(DRAFT_LIMITS.context).nullable().optional(),
    response: optionalText(DRAFT_LIMITS.response).default(""),
    ...sourceFields,
  })
  .strict()
  .meta({ id: "CreateDraftInput" });

export const updateDraftInputSchema = z
  .object({
    version: int32Schema().min(1).describe("The version this edit is based on; a stale one gets 409."),
    language: languageSchema.optional(),
    category: categorySchema.optional(),
    variety: textSchema().max(40).nullable().optional(),
    instruction: optionalText(DRAFT_LIMITS.instruction).optional(),
    context: optionalText(DRAFT_LIMITS.context).nullable().optional(),
    response: optionalText(DRAFT_LIMITS.response).optional(),
    ...sourceFields,
    languageJustification: textSchema().trim().max(1000).nullable().optional(),
    piiDeclaredFictional: z.boolean().optional(),
    activeSeconds: int32Schema()
      .min(0)
      .max(600)
      .optional()
      .describe("Seconds of active typing since the previous save, for productivity records."),
  })
  .strict()
  .meta({ id: "UpdateDraftInput" });

export const submitItemInputSchema = z
  .object({
    version: int32Schema().min(1),
    languageJustification: textSchema().trim().max(1000).nullable().optional(),
    piiDeclaredFictional: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "SubmitItemInput" });

export const deleteDraftQuerySchema = z.object({ version: queryInt32Schema().min(1) });

export const listMyItemsQuerySchema = z
  .object({
    status: itemStatusSchema.optional(),
    language: languageSchema.optional(),
    category: categorySchema.optional(),
    limit: queryInt32Schema().min(1).max(100).default(50),
    cursor: z.uuid().optional(),
  })
  .strict();

const feedbackSchema = z.object({
  decision: z.enum(["approve", "request_changes", "reject"]),
  comment: z.string(),
  citedClauses: z.array(z.string()),
  createdAt: z.iso.datetime(),
});

export const itemSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    guidelineId: z.uuid().nullable(),
    guidelineVersion: z.number().int().nullable(),
    authorId: z.uuid(),
    language: languageSchema,
    variety: z.string().nullable(),
    category: categorySchema,
    status: itemStatusSchema,
    instruction: z.string(),
    context: z.string().nullable(),
    response: z.string(),
    sourceUrl: z.string().nullable(),
    sourceLicense: z.string().nullable(),
    languageJustification: z.string().nullable(),
    piiDeclaredFictional: z.boolean(),
    version: z.number().int(),
    reviewRound: z.number().int(),
    submittedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    latestFeedback: feedbackSchema.nullable(),
  })
  .meta({ id: "Item" });
export type ItemView = z.infer<typeof itemSchema>;

export const itemListSchema = z
  .object({ items: z.array(itemSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "ItemList" });

export const retractItemInputSchema = z
  .object({ reason: textSchema().trim().min(1, "say why the item is retracted").max(2000) })
  .strict()
  .meta({ id: "RetractItemInput" });
