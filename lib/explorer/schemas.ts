// Validation and API shapes of the item explorer: the query (search words, filters, order, cursor) that a URL holds
// whole, the rows and counts it answers, and the bulk actions on a selection.
import { z } from "zod";
import { decodeExplorerCursor } from "@/lib/explorer/explorer-cursor";
import { int32Schema, queryInt32Schema, textSchema } from "@/lib/input-schemas";
import { categorySchema, ITEM_VARIETIES, itemStatusSchema, languageSchema } from "@/lib/vocabulary";

/** Both follow an index (created_at, id); an order by last change would sort the whole selection at every page. */
export const EXPLORER_SORTS = ["newest", "oldest"] as const;
export type ExplorerSort = (typeof EXPLORER_SORTS)[number];

/** Yes/no filters on what the quality checks found or what happened to the item. */
export const EXPLORER_FLAGS = ["languageJustified", "piiFictional", "nearDuplicates", "retracted", "inRelease"] as const;
export type ExplorerFlag = (typeof EXPLORER_FLAGS)[number];

const flagFilter = z.enum(["yes", "no"]).optional();
const day = z.iso.date({ message: "must be a day such as 2026-11-30" }).optional();

/** The filters, without order or page: what a selection (export, bulk retraction) is made of. */
export const explorerFilterSchema = z.object({
  /** Any text: searched as plain words, never parsed as operators; see sanitizeSearchText. */
  q: z.string().optional().describe("Words to find in instruction, context or response (plain words; any text is accepted)."),
  campaign: z.uuid().optional(),
  language: languageSchema.optional(),
  variety: z.enum([...new Set(Object.values(ITEM_VARIETIES).flat())] as [string, ...string[]]).optional(),
  category: categorySchema.optional(),
  status: itemStatusSchema.optional(),
  author: z.uuid().optional(),
  reviewer: z.uuid().optional().describe("Items this person reviewed in any round."),
  guidelineVersion: queryInt32Schema().min(1).optional(),
  createdFrom: day,
  createdTo: day.describe("Last day included (UTC)."),
  approvedFrom: day,
  approvedTo: day.describe("Last day included (UTC)."),
  languageJustified: flagFilter,
  piiFictional: flagFilter,
  nearDuplicates: flagFilter,
  retracted: flagFilter,
  inRelease: flagFilter,
});
export type ExplorerFilter = z.output<typeof explorerFilterSchema>;

export const explorerQuerySchema = explorerFilterSchema
  .extend({
    sort: z.enum(EXPLORER_SORTS).default("newest"),
    limit: queryInt32Schema().min(1).max(200).default(50),
    cursor: textSchema()
      .max(200)
      .refine((text) => decodeExplorerCursor(text) !== null, { message: "is not a cursor this search gave" })
      .optional()
      .describe("nextCursor of the previous page, as given."),
  })
  .strict()
  .meta({ id: "ExplorerQuery" });
export type ExplorerQuery = z.output<typeof explorerQuerySchema>;

export const explorerCountsQuerySchema = explorerFilterSchema.strict().meta({ id: "ExplorerCountsQuery" });

export const explorerRowSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    campaignName: z.string(),
    language: languageSchema,
    variety: z.string().nullable(),
    category: categorySchema,
    status: itemStatusSchema,
    authorName: z.string(),
    instruction: z.string().describe("The first 300 characters."),
    guidelineVersion: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ExplorerRow" });
export type ExplorerRow = z.infer<typeof explorerRowSchema>;

export const explorerPageSchema = z
  .object({ items: z.array(explorerRowSchema), nextCursor: z.string().nullable() })
  .meta({ id: "ExplorerPage" });
export type ExplorerPage = z.infer<typeof explorerPageSchema>;

/** Flag counts stop here: counting further would cost a scan of every item the filters find. */
export const EXPLORER_COUNT_CAP = 10_000;

const countOf = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int().describe("Items with this value, exact."),
});
export const explorerCountsSchema = z
  .object({
    total: z.number().int().describe("Items the filters find, exact."),
    cap: z.number().int().describe("Flag counts are exact up to this number; a flag count of cap + 1 means more than it."),
    facets: z
      .object({
        campaign: z.array(countOf),
        language: z.array(countOf),
        category: z.array(countOf),
        status: z.array(countOf),
      })
      .describe("Items per value of each filter, given all the other filters."),
    flags: z
      .record(z.enum(EXPLORER_FLAGS), z.number().int())
      .describe("Items with each flag, given the filters other than flags; cap + 1 means more than the cap."),
  })
  .meta({ id: "ExplorerCounts" });
export type ExplorerCounts = z.infer<typeof explorerCountsSchema>;

/** A selection: the items a filter finds, or the ticked ones (ids), never both. */
export const explorerSelectionSchema = z
  .object({
    // In JSON the guideline version is a number, not the query string's text.
    filter: explorerFilterSchema.extend({ guidelineVersion: int32Schema().min(1).optional() }).strict().optional(),
    ids: z.array(z.uuid()).min(1).max(1000).optional(),
  })
  .strict()
  .refine((selection) => (selection.filter === undefined) !== (selection.ids === undefined), {
    message: "give either filter or ids",
    path: ["ids"],
  });

export const bulkRetractInputSchema = z
  .object({
    selection: explorerSelectionSchema,
    reason: textSchema().trim().min(1, "say why the items are retracted").max(2000),
  })
  .strict()
  .meta({ id: "BulkRetractInput" });

export const bulkRetractResultSchema = z
  .object({
    retracted: z.array(z.uuid()),
    skipped: z.number().int().describe("Items of the selection that were not approved, so not retracted."),
  })
  .meta({ id: "BulkRetractResult" });

export const EXPORT_FORMATS = ["jsonl", "csv"] as const;
export const explorerExportQuerySchema = explorerFilterSchema
  .extend({
    format: z.enum(EXPORT_FORMATS).default("jsonl"),
    ids: textSchema()
      .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i, { message: "must be item ids separated by commas" })
      .optional()
      .describe("Ticked items, comma-separated; when given, the filters are ignored."),
  })
  .strict()
  .meta({ id: "ExplorerExportQuery" });
