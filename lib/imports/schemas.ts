// Validation and shapes of JSONL imports: one line per item written elsewhere, the summary and the per-line report.
import { z } from "zod";
import { emailSchema } from "@/lib/users/schemas";
import { categorySchema, itemTextSchema, languageSchema, PROBLEM_CODES, qualityDeclarationsSchema } from "@/lib/vocabulary";
import { textSchema } from "@/lib/input-schemas";

export const IMPORT_STATUSES = ["draft", "submitted", "approved"] as const;

/** One line of an import file. `escriba`'s own JSONL export writes lines of this shape (its extra fields are ignored). */
export const importLineSchema = z
  .object({
    externalId: textSchema().trim().min(1).max(200).describe("The item's id where it was written; unique per campaign."),
    language: languageSchema,
    category: categorySchema,
    instruction: itemTextSchema.shape.instruction.min(1, "must not be empty"),
    context: itemTextSchema.shape.context.optional(),
    response: itemTextSchema.shape.response.min(1, "must not be empty"),
    variety: itemTextSchema.shape.variety.optional(),
    sourceUrl: itemTextSchema.shape.sourceUrl.optional(),
    sourceLicense: itemTextSchema.shape.sourceLicense.optional(),
    authorEmail: emailSchema,
    status: z.enum(IMPORT_STATUSES).default("submitted"),
    reviewerEmail: emailSchema.optional().describe("Who approved it elsewhere (status approved only)."),
    approvalReason: textSchema().trim().min(1).max(2000).optional().describe("Why it counts as approved (status approved only)."),
    languageJustification: qualityDeclarationsSchema.shape.languageJustification.optional(),
    piiDeclaredFictional: z.boolean().optional(),
  })
  .superRefine((line, context) => {
    if (line.status !== "approved") return;
    if (!line.reviewerEmail) context.addIssue({ code: "custom", path: ["reviewerEmail"], message: "is required for status approved" });
    if (!line.approvalReason) context.addIssue({ code: "custom", path: ["approvalReason"], message: "is required for status approved" });
  });
export type ImportLineInput = z.output<typeof importLineSchema>;

/** Why a line is refused, beside the quality checks' own codes (PROBLEM_CODES), which refuse lines as they refuse submissions. */
export const LINE_PROBLEM_CODES = [
  "line_too_long",
  "not_utf8",
  "cut_short",
  "not_json",
  "not_object",
  "missing",
  "empty",
  "invalid",
  "required_for_approved",
  "already_final",
  "author_unknown",
  "reviewer_unknown",
  "not_qualified",
  "reviewer_is_author",
  "not_allowed",
  "not_found",
] as const;
export const IMPORT_PROBLEM_CODES = [...LINE_PROBLEM_CODES, ...PROBLEM_CODES] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export const importProblemSchema = z
  .object({
    line: z.number().int(),
    field: z.string().describe("The line's key the problem concerns, or `(line)` for the line as a whole."),
    code: z
      .enum(IMPORT_PROBLEM_CODES)
      .optional()
      .describe("What is wrong, for clients that word it themselves; absent only in reports stored before codes existed."),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe("Values the code's wording takes (a size, a status, a language, a quality check's figures)."),
    message: z.string().describe("The same in English words (what the CLI prints)."),
  })
  .meta({ id: "ImportProblem" });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importSummarySchema = z
  .object({
    dryRun: z.boolean(),
    lines: z.number().int().describe("Non-empty lines read."),
    created: z.number().int(),
    updated: z.number().int().describe("Existing items given a new revision (--update)."),
    skipped: z.number().int().describe("External ids already imported (or repeated in the file)."),
    refused: z.number().int(),
    problems: z.array(importProblemSchema).describe("Each refused line with its number and field (the first 1,000)."),
  })
  .meta({ id: "ImportSummary" });
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const createImportJobQuerySchema = z
  .object({
    campaign: textSchema().trim().min(1).max(100).describe("The campaign's slug."),
    dryRun: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
    update: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
    fileName: textSchema()
      .trim()
      .max(200)
      .regex(/\.(jsonl|ndjson|json|txt)$/i, { message: "must end in .jsonl, .ndjson, .json or .txt" })
      .default("upload.jsonl"),
  })
  .strict()
  .meta({ id: "CreateImportJobQuery" });

export const importJobSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    dryRun: z.boolean(),
    update: z.boolean(),
    status: z.enum(["queued", "running", "done", "failed"]),
    bytesRead: z.number().int().describe("Progress: how much of the file the worker has read."),
    summary: importSummarySchema.nullable().describe("The running summary while it runs; final when done."),
    error: z.string().nullable().describe("Why a failed job stopped (the file itself could not be handled)."),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ImportJob" });
export type ImportJobView = z.infer<typeof importJobSchema>;
