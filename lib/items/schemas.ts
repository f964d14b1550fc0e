// Validation and API shapes for items: drafts, saves with a base version, submission, listing.
import { z } from "zod";
import { int32Schema, queryInt32Schema, textSchema } from "@/lib/input-schemas";
import { evidenceNoteSchema, writingEvidenceInputSchema, writingEvidenceSchema } from "@/lib/provenance/schemas";
import { qualityReportSchema } from "@/lib/quality/schemas";
import { categorySchema, itemStatusSchema, itemTextSchema, languageSchema, qualityDeclarationsSchema } from "@/lib/vocabulary";

/** Every text field of an item, each optional: what a save may change. */
const draftTextFields = itemTextSchema.partial().shape;

export const createDraftInputSchema = z
  .object({
    campaignId: z.uuid(),
    language: languageSchema,
    category: categorySchema,
    ...draftTextFields,
    instruction: itemTextSchema.shape.instruction.default(""),
    response: itemTextSchema.shape.response.default(""),
  })
  .strict()
  .meta({ id: "CreateDraftInput" });

export const updateDraftInputSchema = z
  .object({
    version: int32Schema().min(1).describe("The version this edit is based on; a stale one gets 409."),
    language: languageSchema.optional(),
    category: categorySchema.optional(),
    ...draftTextFields,
    ...qualityDeclarationsSchema.partial().shape,
    // Pages loaded before heartbeats existed still send it: accepted (and ignored) for one more version, so they can save.
    activeSeconds: int32Schema()
      .min(0)
      .max(600)
      .optional()
      .meta({
        deprecated: true,
        description: "Ignored. Active time is reported by POST /api/v1/activity/heartbeats; this field will be removed.",
      }),
    evidence: writingEvidenceInputSchema.optional(),
  })
  .strict()
  .meta({ id: "UpdateDraftInput" });

export const submitItemInputSchema = z
  .object({
    version: int32Schema().min(1),
    ...qualityDeclarationsSchema.partial().shape,
    evidence: writingEvidenceInputSchema.optional().describe("The counters as they stand at submission (as with a save)."),
    evidenceNote: evidenceNoteSchema.optional(),
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
    evidence: writingEvidenceSchema
      .nullable()
      .describe("How the author's text came to be so far (the draft's running record); null when no editor reported any."),
  })
  .meta({ id: "Item" });
export type ItemView = z.infer<typeof itemSchema>;

/** Something the writer should know about a draft that was created all the same. */
export const draftWarningSchema = z
  .object({
    code: z.literal("quota_full").describe("The cell's soft quota is full: the item may not be needed."),
    language: languageSchema,
    category: categorySchema,
    target: z.number().int(),
    filled: z.number().int().describe("Approved items plus items in review in the cell."),
  })
  .meta({ id: "DraftWarning" });
export type DraftWarning = z.infer<typeof draftWarningSchema>;

export const createdDraftSchema = itemSchema
  .extend({ warnings: z.array(draftWarningSchema) })
  .meta({ id: "CreatedDraft" });
export type CreatedDraftView = z.infer<typeof createdDraftSchema>;
/** A submission's answer: the submitted item and the checks' findings (warnings only: blocking ones refuse it). */
export const submitResultSchema = z.object({ item: itemSchema, quality: qualityReportSchema }).meta({ id: "SubmitResult" });
export type SubmitResult = z.infer<typeof submitResultSchema>;

export const itemListSchema = z
  .object({ items: z.array(itemSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "ItemList" });

export const retractItemInputSchema = z
  .object({ reason: textSchema().trim().min(1, "say why the item is retracted").max(2000) })
  .strict()
  .meta({ id: "RetractItemInput" });
